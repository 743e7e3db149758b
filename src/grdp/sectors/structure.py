"""The merged province's economic structure: its published base and the industry/construction split.

A *structure* is the share of each sector in GRDP (:mod:`grdp.sectors.keys`);
the shares of one period are the weights of the next period's growth
(:mod:`grdp.sectors.decomposition`).

**The merged province's base structure.** :func:`merged_structure` reads the
merged province's latest structure published for a year (at current prices,
taxes in the denominator) from the provincial data file; today that is the
estimate of the provincial Party Congress documents. Industry vs construction
is not published for it; the split is an assumption
(``data/raw/assumptions.csv``: ``industry_split`` and its range) derived from
published facts (:func:`industry_split_evidence`, :func:`combined_industry_split`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import pandas as pd

from grdp.core.labels import label
from grdp.core.numbers import format_number
from grdp.core.results import Result
from grdp.core.typing import Lang
from grdp.io.assumptions import assumptions
from grdp.io.datasets import provinces
from grdp.sectors.keys import NON_AGRICULTURE, SECTORS, group_share, normalise_weights, sector_label, split_structure

__all__ = [
    "default_split",
    "split_range",
    "seasonal_gap_range",
    "BaseStructure",
    "merged_structure",
    "industry_split_evidence",
    "combined_industry_split",
]

def default_split() -> float:
    """Industry's share of industry + construction value added, merged province (``assumptions.csv``).

    The two former provinces' own splits weighted by the size of their industry
    + construction (:func:`combined_industry_split`: 0,822), rounded to 0,82.
    """
    return assumptions().industry_split


def split_range() -> tuple[float, float]:
    """The admissible industry split: between Thái Bình's and old Hưng Yên's, rounded outward.

    The merged province's split is a weighted mean of the two former provinces'
    splits, so it lies between them, whatever the weights (``assumptions.csv``).
    """
    return assumptions().industry_split_range


def seasonal_gap_range() -> tuple[float, float]:
    """Admissible year-minus-9-month share of industry + construction + services, points (``assumptions.csv``).

    In the national releases 2016-2019 the gap was -0,66 to -0,51
    (:func:`national_seasonal_gaps`): agriculture weighs more in Q4. The
    admissible range takes half as much again, either way.
    """
    return assumptions().seasonal_gap_range


_DATA_SECTOR = {"agri": "agriculture", "ind_con": "industry_construction", "industry": "industry",
                "construction": "construction", "services": "services", "taxes": "taxes"}
MERGED = "Hung Yen (merged, from 2025-07-01)"
OLD_HUNG_YEN = "Hung Yen (old, pre-2025-07-01)"
THAI_BINH = "Thai Binh (pre-2025-07-01)"



@dataclass(frozen=True)
class BaseStructure(Result):
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
    lang: Lang = "vi"

    _table_index: ClassVar[bool] = True

    def weights(self, *, industry_split: Any = None) -> dict[str, Any]:
        """Fractions by sector, industry + construction split into its two parts.

        ``industry_split`` (industry's share of industry + construction; default
        :func:`default_split`) may be an array of draws; the weights are then arrays.
        """
        split = default_split() if industry_split is None else industry_split
        return split_structure(normalise_weights(self.shares.to_dict()), industry_split=split)

    def group_share(self, group: tuple[str, ...] = NON_AGRICULTURE) -> float:
        """Share of a group of sectors, % (default: industry + construction + services); :func:`group_share`."""
        return float(group_share(self.shares, group))

    def to_frame(self) -> pd.DataFrame:
        """The shares (% of GRDP) by sector key, and their total."""
        frame = self.shares.rename("share_pct").to_frame()
        frame.loc["total"] = self.shares.sum()
        frame.index.name = "sector"
        return frame

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """The shares as a one-column table with sector labels, written to one decimal."""
        lang = self.language(lang)
        col = label("dc_share_pct", lang)
        values = [*self.shares.to_numpy(), self.shares.sum()]
        index = [*(sector_label(s, lang) for s in self.shares.index), label("dc_total", lang)]
        return pd.DataFrame({col: [format_number(float(v), precision=1, style=lang) for v in values]}, index=index)

    def summary(self, *, lang: Lang | None = None) -> str:
        lang = self.language(lang)
        parts = " / ".join(format_number(v, precision=1, style=lang) for v in self.shares)
        keys = ", ".join(sector_label(s, lang).lower() for s in self.shares.index)
        if lang == "vi":
            return f"Cơ cấu {self.period} (giá hiện hành, % GRDP): {parts} ({keys}); nguồn: {self.source}"
        return f"Structure {self.period} ({self.price_basis} prices, % of GRDP): {parts} ({keys}); source: {self.source}"


def merged_structure(year: int | None = None) -> BaseStructure:
    """The merged Hưng Yên's latest published structure at current prices, for ``year`` or before.

    Read from ``data/raw/provinces_hungyen_thaibinh.csv``: the latest year, not
    after ``year`` (default: any), with a published annual structure of the
    merged province (``share_of_GRDP_current_pct``). The structure a plan's
    year is decomposed on is its previous year's; where that is not yet
    published, the latest one stands in, and its ``period`` says which year it is.

    Raises
    ------
    LookupError
        When no structure is published for ``year`` or before.

    Examples
    --------
    >>> s = merged_structure()
    >>> s.period, s.shares.to_dict()
    ('2025', {'agriculture': 11.9, 'industry_construction': 55.8, 'services': 27.2, 'taxes': 5.1})
    >>> round(s.group_share(), 1)
    83.0
    """
    frame = provinces()
    rows = frame[
        (frame["province"] == MERGED)
        & (frame["period"] == "Y")
        & (frame["measure"] == "share_of_GRDP_current_pct")
        & ((frame["year"] <= year) if year is not None else True)
    ]
    if rows.empty:
        raise LookupError(f"no structure of the merged province is published for {year} or before")
    rows = rows[rows["year"] == rows["year"].max()]
    shares = pd.Series({_DATA_SECTOR[s]: v for s, v in zip(rows["sector"], rows["low"], strict=True)}, dtype="float64")
    shares = shares[[s for s in SECTORS if s in shares.index]]
    (source,) = rows["source_url"].unique()
    (release,) = rows["release"].unique()
    period = str(int(rows["year"].iloc[0]))
    return BaseStructure(shares=shares, period=period, price_basis="current", source=source, release=release)


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
    levels = frame[(frame["province"] == OLD_HUNG_YEN) & (frame["period"] == "Y") & (frame["measure"] == "grdp_const2010_mn_vnd")]
    for year in sorted(set(levels.loc[levels["sector"] == "industry", "year"]) & set(levels.loc[levels["sector"] == "ind_con", "year"])):
        ind = _prov_value(frame, OLD_HUNG_YEN, year, "Y", "industry", "grdp_const2010_mn_vnd")
        ic = _prov_value(frame, OLD_HUNG_YEN, year, "Y", "ind_con", "grdp_const2010_mn_vnd")
        rows.append({"province": OLD_HUNG_YEN, "period": str(year), "basis": "levels, constant 2010 prices",
                     "industry_share": ind["low"] / ic["low"], "source_url": ind["source_url"]})
    parts = ("ind_con", "industry", "construction")
    growth = frame[(frame["province"] == THAI_BINH) & (frame["measure"] == "growth_yoy_pct") & frame["sector"].isin(parts)]
    releases = growth.groupby(["year", "period"])["sector"].agg(lambda s: set(parts) <= set(s))
    for year, period in (k for k, complete in releases.items() if complete):
        g = {s: _prov_value(frame, THAI_BINH, year, period, s, "growth_yoy_pct") for s in parts}
        a = (g["ind_con"]["low"] - g["construction"]["low"]) / (g["industry"]["low"] - g["construction"]["low"])
        rows.append({"province": THAI_BINH, "period": f"{period} {year}" if period != "Y" else str(year),
                     "basis": "implied by industry, construction and industry+construction growth",
                     "industry_share": a, "source_url": g["ind_con"]["source_url"]})
    return pd.DataFrame(rows)


def combined_industry_split() -> tuple[float, float, float]:
    """The merged province's industry split: (default, low, high) from :func:`industry_split_evidence`.

    Default: each province's split — old Hưng Yên's mean over its years of
    levels, Thái Bình's latest — weighted by its industry + construction value
    added at current prices (its latest GRDP × its latest published share of
    industry + construction in GRDP; today: 2024 GRDP, with Hưng Yên's 2020 share
    and Thái Bình's 2024 one). Range: the lowest and highest split of either
    province, since a weighted mean of the two lies between them.
    ``assumptions.csv`` keeps the default rounded to two decimals.

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
    tb_latest = float(ev.loc[ev["province"] == THAI_BINH, "industry_share"].iloc[-1])
    frame = provinces()

    def size(province: str) -> float:
        """Industry + construction at current prices: the latest GRDP × the latest published share."""
        rows = frame[(frame["province"] == province) & (frame["period"] == "Y")]
        grdp = rows[(rows["sector"] == "total") & (rows["measure"] == "grdp_current_bn_vnd")].sort_values("year")
        share = rows[(rows["sector"] == "ind_con") & (rows["measure"] == "share_of_GRDP_current_pct")].sort_values("year")
        return float(grdp["low"].iloc[-1] * share["low"].iloc[-1] / 100)

    w_hy, w_tb = size(OLD_HUNG_YEN), size(THAI_BINH)
    default = (w_hy * float(hy.mean()) + w_tb * tb_latest) / (w_hy + w_tb)
    shares = ev["industry_share"]
    return default, float(shares.min()), float(shares.max())
