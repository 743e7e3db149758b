"""The economy's structure by sector: the merged province's base, the industry/construction split, share paths.

GRDP = value added of agriculture-forestry-fishery, industry, construction and
services + product taxes less subsidies. A *structure* is the share of each part
in GRDP; the shares of one period are the weights of the next period's growth
(see :mod:`grdp.decomposition`).

Sector keys (English, for code; :func:`sector_label` gives the Vietnamese)::

    agriculture  industry  construction  industry_construction  services  taxes

A structure holds either ``industry`` and ``construction`` or their sum
``industry_construction``, never both (that would count them twice).

**The merged province's base structure.** The only published structure of the
merged Hưng Yên is the 2025 estimate of the provincial Party Congress documents,
at current prices, taxes in the denominator: 11,9 / 55,8 / 27,2 / 5,1 %
(:func:`merged_structure`). Industry vs construction is not published for it;
the split is a parameter with a default derived from published facts
(:func:`industry_split_evidence`, :data:`DEFAULT_INDUSTRY_SPLIT`,
:data:`INDUSTRY_SPLIT_RANGE`).

**Share paths.** At constant relative prices a sector's share moves only with
growth: ``s'_i = s_i (1 + g_i) / Σ_j s_j (1 + g_j)`` (:func:`next_structure`),
and back (:func:`previous_structure`). Relative price changes enter as factors
``p_i`` on ``(1 + g_i)``. Every function here is vectorised: the values of a
structure may be NumPy arrays of draws.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .datasets import provinces
from .labels import Lang, check_lang, label
from .numbers import format_number

__all__ = [
    "SECTORS",
    "VALUE_ADDED",
    "NON_AGRICULTURE",
    "DEFAULT_INDUSTRY_SPLIT",
    "INDUSTRY_SPLIT_RANGE",
    "sector_label",
    "check_partition",
    "normalise_weights",
    "BaseStructure",
    "merged_structure",
    "split_structure",
    "industry_split_evidence",
    "combined_industry_split",
    "next_structure",
    "previous_structure",
    "rest_structure",
    "group_share",
    "SEASONAL_GAP_RANGE",
    "national_seasonal_gaps",
    "year_share_from_done",
]

SECTORS: tuple[str, ...] = ("agriculture", "industry", "construction", "industry_construction", "services", "taxes")
"""Sector keys in display order."""
VALUE_ADDED: tuple[str, ...] = SECTORS[:-1]
"""The sectors whose sum is gross value added (product taxes excluded)."""
NON_AGRICULTURE: tuple[str, ...] = ("industry", "construction", "industry_construction", "services")
"""The group of the plan's structure target: industry + construction + services."""

DEFAULT_INDUSTRY_SPLIT = 0.82
"""Industry's share of industry + construction value added, merged Hưng Yên (default).

The two provinces' own splits weighted by the size of their industry + construction
in 2024 at current prices (see :func:`combined_industry_split`): old Hưng Yên 0,906
(yearbook, constant 2010 prices, mean 2010-2013), Thái Bình 0,682 (implied by its
2023 industry, construction and industry + construction growth) → 0,822. The
national 2025 decomposition gives 0,819 (cross-check, not used)."""

INDUSTRY_SPLIT_RANGE = (0.68, 0.92)
"""Admissible industry split: the merged province's split is a weighted mean of the
two former provinces' splits, so it lies between Thái Bình's (0,682) and old Hưng
Yên's (0,902-0,910), whatever the weights. Rounded outward to two decimals (0,682 → 0,68,
0,9103 → 0,92)."""

SEASONAL_GAP_RANGE = (-1.0, 1.0)
"""Admissible gap, in points, between a year's share of industry + construction +
services and its 9-month share at current prices (the within-year seasonality of
the structure). In the national releases 2016-2019 the gap was -0,66 to -0,51
(:func:`national_seasonal_gaps`): agriculture weighs more in Q4. ±1,0 admits half
as much again, either way."""

_DATA_SECTOR = {"agri": "agriculture", "ind_con": "industry_construction", "industry": "industry",
                "construction": "construction", "services": "services", "taxes": "taxes"}
MERGED = "Hung Yen (merged, from 2025-07-01)"
OLD_HUNG_YEN = "Hung Yen (old, pre-2025-07-01)"
THAI_BINH = "Thai Binh (pre-2025-07-01)"

Structure = Mapping[str, Any]


def sector_label(key: str, lang: Lang = "vi") -> str:
    """Display name of a sector key (``"total"`` is GRDP).

    >>> sector_label("agriculture"), sector_label("services", "en")
    ('Nông, lâm nghiệp và thủy sản', 'Services')
    """
    return label(f"dc_{key}", lang)


def check_partition(keys: Any, *, what: str = "growth", partial: bool = False) -> list[str]:
    """Validate sector keys and return them in display order.

    Raises ``ValueError`` for an unknown key or when ``industry_construction`` is
    given together with ``industry`` or ``construction`` (counted twice), or only
    one of ``industry`` / ``construction`` (allowed with ``partial=True``: a set
    that does not claim to cover every sector).
    """
    keys = list(keys.keys()) if hasattr(keys, "keys") else list(keys)
    unknown = [k for k in keys if k not in SECTORS]
    if unknown:
        raise ValueError(f"{what} keys must be among: {', '.join(repr(s) for s in SECTORS)}; got {unknown!r}")
    ks = set(keys)
    if "industry_construction" in ks and ks & {"industry", "construction"}:
        raise ValueError(f"{what}: give 'industry' and 'construction', or 'industry_construction', not both")
    if not partial and len(ks & {"industry", "construction"}) == 1:
        raise ValueError(f"{what}: 'industry' and 'construction' go together (or use 'industry_construction')")
    return [s for s in SECTORS if s in ks]


def normalise_weights(weights: Structure) -> dict[str, Any]:
    """Shares as fractions summing to exactly 1, from shares summing to 1 or to 100.

    Printed shares may miss 100 by their rounding (99,9 or 100,1); they are divided
    by their sum. Raises ``ValueError`` when they sum to neither 1 nor 100 (within
    0,5 %): a structure that leaves a sector out (taxes!) must not be rescaled
    silently.

    >>> normalise_weights({"agriculture": 11.9, "industry_construction": 55.8, "services": 27.2, "taxes": 5.1})["taxes"]
    0.051
    """
    keys = check_partition(weights, what="weights")
    vals = {k: np.asarray(weights[k], dtype="float64") for k in keys}
    total = sum(vals.values())
    t = np.asarray(total)
    if not (np.all(np.abs(t - 1) <= 0.005) or np.all(np.abs(t - 100) <= 0.5)):
        raise ValueError(
            f"weights must sum to 1 or 100 (shares of GRDP); they sum to {np.round(t, 4)}. "
            "A structure without taxes sums to less: include 'taxes'"
        )
    return {k: _scalar(v / t) for k, v in vals.items()}


def _scalar(x: np.ndarray) -> Any:
    return float(x) if np.ndim(x) == 0 else x


@dataclass(frozen=True)
class BaseStructure:
    """A published structure (shares of GRDP, %), where it comes from and on what basis.

    Attributes
    ----------
    shares : pandas.Series
        % of GRDP by sector key, summing to 100 (taxes included).
    period : str
        ``"2025"``, ``"9M 2025"`` …
    price_basis : str
        ``"current"`` or ``"constant 2010"``.
    source : str
        URL of the release.
    release : str
        The release label in the data file.
    """

    shares: pd.Series
    period: str
    price_basis: str
    source: str
    release: str

    def weights(self, *, industry_split: Any = DEFAULT_INDUSTRY_SPLIT) -> dict[str, Any]:
        """Fractions by sector, industry + construction split into its two parts.

        ``industry_split`` (industry's share of industry + construction) may be an
        array of draws; the weights are then arrays.
        """
        return split_structure(normalise_weights(self.shares.to_dict()), industry_split=industry_split)

    def group_share(self, group: tuple[str, ...] = NON_AGRICULTURE) -> float:
        """Share of a group of sectors, % (default: industry + construction + services); :func:`group_share`."""
        return float(group_share(self.shares, group))

    def to_frame(self, *, lang: Lang = "vi") -> pd.DataFrame:
        """The shares as a one-column table with sector labels."""
        lang = check_lang(lang)
        col = label("dc_share_pct", lang)
        frame = pd.DataFrame({col: self.shares.to_numpy()}, index=[sector_label(s, lang) for s in self.shares.index])
        frame.loc[label("dc_total", lang)] = self.shares.sum()
        return frame

    def summary(self, *, lang: Lang = "vi") -> str:
        lang = check_lang(lang)
        parts = " / ".join(format_number(v, precision=1, style=lang) for v in self.shares)
        keys = ", ".join(sector_label(s, lang).lower() for s in self.shares.index)
        if lang == "vi":
            return f"Cơ cấu {self.period} (giá hiện hành, % GRDP): {parts} ({keys}); nguồn: {self.source}"
        return f"Structure {self.period} ({self.price_basis} prices, % of GRDP): {parts} ({keys}); source: {self.source}"

    def _repr_html_(self) -> str:
        return f"<p>{self.summary()}</p>" + self.to_frame().to_html(float_format=lambda x: format_number(x, precision=1))


def merged_structure() -> BaseStructure:
    """The merged Hưng Yên's 2025 structure at current prices (provincial Party Congress estimate).

    Read from ``data/raw/provinces_hungyen_thaibinh.csv`` (release
    ``party_congress_estimate``, source news.laodong.vn).

    Examples
    --------
    >>> s = merged_structure()
    >>> s.shares.to_dict()
    {'agriculture': 11.9, 'industry_construction': 55.8, 'services': 27.2, 'taxes': 5.1}
    >>> round(s.group_share(), 1)
    83.0
    """
    frame = provinces()
    rows = frame[
        (frame["province"] == MERGED)
        & (frame["year"] == 2025)
        & (frame["period"] == "Y")
        & (frame["measure"] == "share_of_GRDP_current_pct")
    ]
    shares = pd.Series({_DATA_SECTOR[s]: v for s, v in zip(rows["sector"], rows["low"])}, dtype="float64")
    shares = shares[[s for s in SECTORS if s in shares.index]]
    (source,) = rows["source_url"].unique()
    (release,) = rows["release"].unique()
    return BaseStructure(shares=shares, period="2025", price_basis="current", source=source, release=release)


def split_structure(structure: Structure, *, industry_split: Any = DEFAULT_INDUSTRY_SPLIT) -> dict[str, Any]:
    """Replace ``industry_construction`` by ``industry`` and ``construction`` in the given proportion.

    >>> w = split_structure({"agriculture": 0.2, "industry_construction": 0.5, "services": 0.3}, industry_split=0.8)
    >>> round(w["industry"], 10), round(w["construction"], 10)
    (0.4, 0.1)
    """
    a = np.asarray(industry_split, dtype="float64")
    if np.any((a < 0) | (a > 1)):
        raise ValueError("industry_split must be in [0, 1]: industry's share of industry + construction")
    out: dict[str, Any] = {}
    for key in check_partition(structure, what="structure"):
        if key == "industry_construction":
            ic = structure[key]
            out["industry"] = _scalar(np.asarray(ic * a))
            out["construction"] = _scalar(np.asarray(ic * (1 - a)))
        else:
            out[key] = structure[key]
    return {s: out[s] for s in SECTORS if s in out}


def _prov_value(frame: pd.DataFrame, province: str, year: int, period: str, sector: str, measure: str) -> pd.Series:
    rows = frame[
        (frame["province"] == province)
        & (frame["year"] == year)
        & (frame["period"] == period)
        & (frame["sector"] == sector)
        & (frame["measure"] == measure)
    ]
    if len(rows) != 1:
        raise LookupError(f"expected one row for {province} {year} {period} {sector} {measure}, found {len(rows)}")
    return rows.iloc[0]


def industry_split_evidence() -> pd.DataFrame:
    """Published facts on industry's share of industry + construction, with their derivation.

    Returns
    -------
    pandas.DataFrame
        One row per fact: ``province``, ``period``, ``basis`` (how the share is
        derived), ``industry_share`` (fraction), ``source_url``. Rows:

        * old Hưng Yên 2010-2013, constant-2010 value added levels (yearbook 2022,
          table 39): ``industry / industry_construction``;
        * Thái Bình, previous-year constant-price weights implied by three growth
          rates of one release: ``a = (g_ic - g_con) / (g_ind - g_con)``
          (H1 2019, H1 2020, year 2023).

    Notes
    -----
    The growth identity is exact at constant prices: industry + construction
    growth is the previous-year-weighted mean of its two parts. Rounding of the
    printed growth (±0,005) moves the 2023 figure by less than 0,001.

    Examples
    --------
    >>> ev = industry_split_evidence()
    >>> ev.groupby("province")["industry_share"].agg(["min", "max"]).round(3)
                                      min    max
    province
    Hung Yen (old, pre-2025-07-01)  0.902  0.910
    Thai Binh (pre-2025-07-01)      0.682  0.702
    """
    frame = provinces()
    rows: list[dict[str, object]] = []
    for year in (2010, 2011, 2012, 2013):
        ind = _prov_value(frame, OLD_HUNG_YEN, year, "Y", "industry", "grdp_const2010_mn_vnd")
        ic = _prov_value(frame, OLD_HUNG_YEN, year, "Y", "ind_con", "grdp_const2010_mn_vnd")
        rows.append({"province": OLD_HUNG_YEN, "period": str(year), "basis": "levels, constant 2010 prices",
                     "industry_share": ind["low"] / ic["low"], "source_url": ind["source_url"]})
    for year, period in ((2019, "H1"), (2020, "H1"), (2023, "Y")):
        g = {s: _prov_value(frame, THAI_BINH, year, period, s, "growth_yoy_pct") for s in ("ind_con", "industry", "construction")}
        a = (g["ind_con"]["low"] - g["construction"]["low"]) / (g["industry"]["low"] - g["construction"]["low"])
        rows.append({"province": THAI_BINH, "period": f"{period} {year}" if period != "Y" else str(year),
                     "basis": "implied by industry, construction and industry+construction growth",
                     "industry_share": a, "source_url": g["ind_con"]["source_url"]})
    return pd.DataFrame(rows)


def combined_industry_split() -> tuple[float, float, float]:
    """The merged province's industry split: (default, low, high) from :func:`industry_split_evidence`.

    Default: each province's split — old Hưng Yên's mean 2010-2013, Thái Bình's
    2023 (its latest) — weighted by its industry + construction value added in
    2024 at current prices (2024 GRDP × its latest published share of
    industry + construction in GRDP: Hưng Yên 61,32 % in 2020, Thái Bình 44,3 % in
    2024). Range: the lowest and highest split of either province, since a
    weighted mean of the two lies between them.

    Notes
    -----
    Hưng Yên's 2024 structure is not in the data; its 2022 share of value added
    (63,91 %, taxes excluded) gives the same default to two decimals. Hưng Yên's
    split is from 2010-2013: the weakest link, and the reason the range is wide.

    Examples
    --------
    >>> [round(x, 3) for x in combined_industry_split()]
    [0.822, 0.682, 0.91]
    """
    ev = industry_split_evidence()
    hy = ev.loc[ev["province"] == OLD_HUNG_YEN, "industry_share"]
    tb = ev.loc[ev["province"] == THAI_BINH]
    tb_latest = float(tb.loc[tb["period"] == "2023", "industry_share"].iloc[0])
    frame = provinces()

    def size(province: str, share_year: int) -> float:
        grdp = _prov_value(frame, province, 2024, "Y", "total", "grdp_current_bn_vnd")["low"]
        share = _prov_value(frame, province, share_year, "Y", "ind_con", "share_of_GRDP_current_pct")["low"]
        return float(grdp * share / 100)

    w_hy, w_tb = size(OLD_HUNG_YEN, 2020), size(THAI_BINH, 2024)
    default = (w_hy * float(hy.mean()) + w_tb * tb_latest) / (w_hy + w_tb)
    shares = ev["industry_share"]
    return default, float(shares.min()), float(shares.max())


def _apply_growth(structure: Structure, growth: Structure, relative_prices: Structure | None, *, inverse: bool) -> dict[str, Any]:
    keys = check_partition(structure, what="structure")
    missing = [k for k in keys if k not in growth]
    if missing:
        raise ValueError(f"growth is missing for {missing!r}")
    vals = {k: np.asarray(structure[k], dtype="float64") for k in keys}
    total = sum(vals.values())
    moved = {}
    for k in keys:
        factor = 1 + np.asarray(growth[k], dtype="float64") / 100
        if relative_prices is not None and k in relative_prices:
            factor = factor * np.asarray(relative_prices[k], dtype="float64")
        moved[k] = vals[k] / factor if inverse else vals[k] * factor
    new_total = sum(moved.values())
    return {k: _scalar(v * total / new_total) for k, v in moved.items()}


def _like(structure: Structure, out: dict[str, Any]) -> Any:
    return pd.Series(out, dtype="float64") if isinstance(structure, pd.Series) else out


def next_structure(structure: Structure, growth: Structure, *, relative_prices: Structure | None = None) -> Any:
    """The structure after one period of sector growth.

    ``s'_i = s_i (1 + g_i/100) p_i / Σ_j s_j (1 + g_j/100) p_j``, scaled to the
    input's total (1 or 100).

    Parameters
    ----------
    structure : mapping or Series
        Shares by sector key (the values may be arrays of draws).
    growth : mapping
        Volume growth in % by sector (constant prices), for every key of ``structure``.
    relative_prices : mapping, optional
        Price factor of each sector relative to the others over the period
        (``1.05``: its prices rose 5 % more). Missing keys: 1. Default: constant
        relative prices — current-price shares then move only with volume growth.

    Returns
    -------
    Series if ``structure`` is a Series, otherwise a dict.

    Examples
    --------
    >>> s = next_structure(pd.Series({"agriculture": 20.0, "services": 80.0}), {"agriculture": 0.0, "services": 25.0})
    >>> s.round(6).tolist()
    [16.666667, 83.333333]
    """
    return _like(structure, _apply_growth(structure, growth, relative_prices, inverse=False))


def previous_structure(structure: Structure, growth: Structure, *, relative_prices: Structure | None = None) -> Any:
    """The structure one period before, given this period's structure and growth: the inverse of :func:`next_structure`.

    ``s_i = s'_i / ((1 + g_i/100) p_i)``, renormalised.

    >>> s = previous_structure(pd.Series({"agriculture": 16.0, "services": 84.0}), {"agriculture": 0.0, "services": 5.0})
    >>> s.round(6).tolist()
    [16.666667, 83.333333]
    """
    return _like(structure, _apply_growth(structure, growth, relative_prices, inverse=True))


def rest_structure(structure: Structure, rest_weights: Structure) -> Any:
    """Structure of a part of the year (e.g. Q4 of the previous year) from the annual one.

    With ``w_i`` the part's share of sector i's annual level (its
    :func:`grdp.periods.implied_weight`), the part's structure is
    ``s_i w_i / Σ_j s_j w_j``. Sectors missing from ``rest_weights`` take the
    value-added-weighted mean weight of the others (e.g. taxes "like GVA").

    >>> rest_structure({"agriculture": 0.5, "services": 0.5}, {"agriculture": 0.2, "services": 0.3})
    {'agriculture': 0.4, 'services': 0.6}
    """
    keys = check_partition(structure, what="structure")
    known = [k for k in keys if k in rest_weights]
    if not known:
        raise ValueError("rest_weights must give the weight of at least one sector")
    s = {k: np.asarray(structure[k], dtype="float64") for k in keys}
    w = {k: np.asarray(rest_weights[k], dtype="float64") for k in known}
    mean_w = sum(s[k] * w[k] for k in known) / sum(s[k] for k in known)
    prod = {k: s[k] * (w[k] if k in w else mean_w) for k in keys}
    total = sum(s.values()) / sum(prod.values())
    return _like(structure, {k: _scalar(v * total) for k, v in prod.items()})


def group_share(structure: Structure, group: tuple[str, ...] = NON_AGRICULTURE) -> Any:
    """Sum of the shares of a group of sectors (default industry + construction + services).

    >>> group_share({"agriculture": 11.9, "industry_construction": 55.8, "services": 27.2, "taxes": 5.1})
    83.0
    """
    keys = check_partition(structure, what="structure")
    return _scalar(np.asarray(sum(np.asarray(structure[k], dtype="float64") for k in keys if k in group)))


def national_seasonal_gaps() -> pd.Series:
    """Year minus 9-month share of industry + construction + services, national, in points.

    From the national releases' structure at current prices
    (``share_of_GDP_current_pct``, as published in the year's own release or
    quoted in the next year's) for the years with both a 9-month and an annual
    structure. The group share is ``100 - agriculture -
    taxes`` (the 9-month 2017 release's four shares sum to 99,0, so the
    complement is used rather than the sum of the two).

    Examples
    --------
    >>> national_seasonal_gaps().round(2).to_dict()
    {2016: -0.64, 2017: -0.51, 2018: -0.66, 2019: -0.59}
    """
    from .datasets import national_releases

    frame = national_releases()
    rows = frame[(frame["measure"] == "share_of_GDP_current_pct") & frame["period"].isin(["9M", "Y"])
                 & frame["sector"].isin(["agri", "taxes"])]
    table = rows.pivot_table(index=["year", "period"], columns="sector", values="value", aggfunc="first").dropna()
    group = 100 - table["agri"] - table["taxes"]
    wide = group.unstack("period").dropna()
    return (wide["Y"] - wide["9M"]).rename("gap_pp")


def _like_gva_current(structure: Mapping[str, Any], growth: Mapping[str, Any]) -> Any:
    """Growth of value added when ``structure`` is the current period's (taxes grow like it)."""
    va = [k for k in structure if k != "taxes"]
    s_va = sum(np.asarray(structure[k], dtype="float64") for k in va)
    inv = sum(np.asarray(structure[k], dtype="float64") / (1 + np.asarray(growth[k], dtype="float64") / 100) for k in va)
    return 100 * (s_va / inv - 1)


def _like_gva_previous(structure: Mapping[str, Any], growth: Mapping[str, Any]) -> Any:
    va = [k for k in structure if k != "taxes"]
    s_va = sum(np.asarray(structure[k], dtype="float64") for k in va)
    return sum(np.asarray(structure[k], dtype="float64") * np.asarray(growth[k], dtype="float64") for k in va) / s_va


def year_share_from_done(
    done_structure: Structure,
    done_growth: Structure,
    year_growth: Structure,
    *,
    seasonal_gap: Any = 0.0,
    group: tuple[str, ...] = NON_AGRICULTURE,
    absorb: str = "agriculture",
) -> Any:
    """A group's annual share this year, from its share in the part of the year done and sector growth.

    Three steps, at constant relative prices (a relative price change common to
    the two periods cancels between steps 1 and 3):

    1. last year's structure of the part done: :func:`previous_structure` of
       ``done_structure`` with ``done_growth``;
    2. last year's annual structure: the group's share plus ``seasonal_gap``
       (points; annual minus part-done share), taken from ``absorb``;
    3. this year's annual structure: :func:`next_structure` with ``year_growth``.

    Parameters
    ----------
    done_structure : mapping
        Shares (% or fractions) of the part of the year done, taxes included.
    done_growth, year_growth : mapping
        Volume growth (%) by sector of the part done and of the year. A missing
        ``taxes`` grows like value added.
    seasonal_gap : float or array
        Annual minus part-done group share last year, points (for fractions, in
        fractions); see :data:`SEASONAL_GAP_RANGE`.

    Returns
    -------
    float or numpy.ndarray
        The group's annual share, in the units of ``done_structure``.

    Examples
    --------
    With equal growth everywhere the share only moves by the seasonal gap:

    >>> s = {"agriculture": 14.0, "industry_construction": 55.0, "services": 26.0, "taxes": 5.0}
    >>> g = {"agriculture": 8.0, "industry_construction": 8.0, "services": 8.0}
    >>> round(year_share_from_done(s, g, g), 6), round(year_share_from_done(s, g, g, seasonal_gap=-0.5), 6)
    (81.0, 80.5)
    """
    keys = check_partition(done_structure, what="structure")
    if absorb in group or absorb not in keys:
        raise ValueError("absorb must be a sector of the structure outside the group")
    g_done = dict(done_growth)
    if "taxes" in keys and "taxes" not in g_done:
        g_done["taxes"] = _like_gva_current(done_structure, g_done)
    prev = previous_structure(dict(done_structure), g_done)
    members = [k for k in keys if k in group]
    share = sum(np.asarray(prev[k]) for k in members)
    gap = np.asarray(seasonal_gap, dtype="float64")
    annual = {k: (np.asarray(prev[k]) * (share + gap) / share if k in members else np.asarray(prev[k])) for k in keys}
    annual[absorb] = annual[absorb] - gap
    g_year = dict(year_growth)
    if "taxes" in keys and "taxes" not in g_year:
        g_year["taxes"] = _like_gva_previous(annual, g_year)
    return group_share(next_structure(annual, g_year), group)
