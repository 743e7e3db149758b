"""Sector contributions to GRDP growth, both published conventions, and the back-solves.

At constant prices the parts of GRDP add up, so with ``s_i`` sector i's share of
the previous period's GRDP and ``g_i`` its growth (%), the contribution of sector
i in percentage points is ``C_i = s_i g_i`` and ``Σ_i C_i = g_GRDP`` exactly.
The statistics office publishes two conventions:

* **points** (điểm phần trăm): ``C_i``; the sectors with taxes sum to GRDP growth;
* **% of the increase in total gross value added** ("% vào mức tăng tổng giá trị
  tăng thêm"): ``100 C_i / Σ_{i≠taxes} C_i``; product taxes are excluded and the
  sectors sum to 100.

:func:`contributions` gives both from growth and weights (or levels);
:func:`grdp.sectors.conventions.read_contributions` tells which convention a printed set uses.

**Gross output vs value added.** The plan's sector rows are gross output growth
(giá trị sản xuất). The functions that work from sector growth take a
``bridge``: value added grows ``bridge`` times as fast as output
(``g_VA = bridge · g_output``; 1 means "value added grows like output").
:func:`calibrate_bridge` finds the bridge that makes a period's output growth
reproduce its published GRDP growth.

**Taxes.** Product taxes less subsidies have no sector target; by default they
grow like gross value added (``taxes_growth=None``), so GRDP growth equals GVA
growth.

**Whose shares.** The office's weights are the previous period's structure at
constant prices (``weights_of="previous"``). When only this period's structure
is known (the merged province's 2025 estimate), ``weights_of="current"`` back-casts
the weights from growth at constant relative prices.

The back-solves (:func:`implied_growth`, :func:`required_sector_growth`,
:func:`calibrate_bridge`) are vectorised: the values of ``growth`` and
``weights`` may be NumPy arrays of draws (broadcast together); the result is an
array of the same shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from grdp.core.labels import label
from grdp.core.numbers import format_number
from grdp.core.typing import Lang, WeightsOf
from grdp.core.validation import check_lang, check_literal
from grdp.sectors.keys import VALUE_ADDED, check_partition, normalise_weights, sector_label

__all__ = [
    "COLUMNS",
    "contributions",
    "contributions_table",
    "implied_growth",
    "required_sector_growth",
    "calibrate_bridge",
]

COLUMNS: tuple[str, ...] = ("growth_pct", "weight", "contribution_pp", "share_of_growth_pct", "share_of_gva_growth_pct")
"""Columns of :func:`contributions`."""

Growth = Mapping[str, Any]


# --------------------------------------------------------------------------- contributions


def contributions(growth: Growth, *, weights: Growth | None = None, levels: Growth | None = None) -> pd.DataFrame:
    """Contribution of each sector to GRDP growth, in points and as shares of the increase.

    Parameters
    ----------
    growth : mapping or Series
        Growth by sector in %, keyed ``agriculture``, ``industry`` and
        ``construction`` (or ``industry_construction``), ``services``, ``taxes``.
        Leave ``taxes`` out to decompose gross value added only.
    weights : mapping or Series, optional
        Shares of the previous period's GRDP (at constant prices), same keys,
        summing to 1 or to 100.
    levels : mapping or Series, optional
        This period's levels at constant prices, same keys; the base levels are
        derived from growth, ``L_i / (1 + g_i/100)``. Give ``weights`` or
        ``levels``, not both.

    Returns
    -------
    pandas.DataFrame
        Indexed by sector key in display order, then ``total``; columns
        ``growth_pct``, ``weight`` (fraction), ``contribution_pp = weight ·
        growth``, ``share_of_growth_pct = 100 C_i / ΣC`` and
        ``share_of_gva_growth_pct = 100 C_i / Σ_{i≠taxes} C`` (NaN for taxes).
        The ``total`` row holds the column sums — GRDP growth, 1, GRDP growth, 100,
        100 — so the parts visibly add up; its ``growth_pct`` is GRDP growth.
        ``attrs["gva_growth_pct"]`` is the growth of gross value added.

    Notes
    -----
    ``C_i = s_i g_i``; ``Σ C_i = Σ_i L_i / Σ_i L_i^{base} - 1`` exactly. Tested
    against the national releases (shares of value-added growth 2018-2025) in
    ``tests/test_decomposition.py``.

    Examples
    --------
    >>> c = contributions({"agriculture": 2.0, "industry_construction": 10.0, "services": 7.0},
    ...                   weights={"agriculture": 20, "industry_construction": 40, "services": 40})
    >>> c["contribution_pp"].round(2).tolist()
    [0.4, 4.0, 2.8, 7.2]
    >>> float(c.loc["total", "share_of_gva_growth_pct"])
    100.0
    """
    keys = check_partition(growth, what="growth")
    if (weights is None) == (levels is None):
        raise ValueError("give weights (shares of the previous period) or levels (this period's), not both or neither")
    g = pd.Series({k: float(growth[k]) for k in keys}, dtype="float64")
    if weights is not None:
        w_map = normalise_weights(weights)
        _same_keys(keys, w_map, "weights")
        w = pd.Series({k: float(w_map[k]) for k in keys}, dtype="float64")
    else:
        assert levels is not None
        _same_keys(keys, levels, "levels")
        lv = pd.Series({k: float(levels[k]) for k in keys}, dtype="float64")
        base = lv / (1 + g / 100)
        w = base / base.sum()
    c = w * g
    total = float(c.sum())
    va = [k for k in keys if k != "taxes"]
    gva_points = float(c[va].sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        frame = pd.DataFrame(
            {
                "growth_pct": g,
                "weight": w,
                "contribution_pp": c,
                "share_of_growth_pct": 100 * c / total,
                "share_of_gva_growth_pct": (100 * c / gva_points).where(c.index != "taxes"),
            }
        )
    frame.loc["total"] = [total, float(w.sum()), total, float(frame["share_of_growth_pct"].sum()),
                          float(frame["share_of_gva_growth_pct"].sum())]
    frame.index.name = "sector"
    frame.attrs["gva_growth_pct"] = gva_points / float(w[va].sum())
    return frame


def _same_keys(keys: list[str], other: Mapping[str, Any], what: str) -> None:
    other_keys = check_partition(other, what=what)
    if set(other_keys) != set(keys):
        raise ValueError(f"{what} must have the same sectors as growth: {keys!r}, got {other_keys!r}")


def contributions_table(frame: pd.DataFrame, *, lang: Lang = "vi", precision: int = 2) -> pd.DataFrame:
    """:func:`contributions` as a display table: sector labels, labelled columns, numbers written in ``lang`` style.

    >>> c = contributions({"agriculture": 2.0, "services": 7.0}, weights={"agriculture": 0.5, "services": 0.5})
    >>> contributions_table(c, lang="vi").iloc[:, 2].tolist()
    ['1,00', '3,50', '4,50']
    """
    lang = check_lang(lang)
    out = pd.DataFrame(index=[sector_label(k, lang) for k in frame.index])
    out.index.name = label("dc_sector", lang)
    for col in COLUMNS:
        prec = 3 if col == "weight" else precision
        out[label(f"dc_{col}" if col != "weight" else "dc_weight", lang)] = [
            "" if pd.isna(x) else format_number(float(x), precision=prec, style=lang) for x in frame[col]
        ]
    return out


# --------------------------------------------------------------------------- back-solves (vectorised)


def _parts(growth: Growth, weights: Growth, bridge: Any, *, skip: str | None = None) -> tuple[dict[str, Any], Any, Any]:
    """Normalised weights, Σ_VA s_i b_i g_i (without ``skip``), Σ_VA s_i."""
    w = normalise_weights(weights)
    va = [k for k in w if k != "taxes"]
    needed = [k for k in va if k != skip]
    missing = [k for k in needed if k not in growth]
    if missing:
        hint = " (split the weights with grdp.sectors.keys.split_structure)" if "industry_construction" in missing else ""
        raise ValueError(f"growth is missing for {missing!r}{hint}")
    extra = [k for k in growth if k not in w]
    if extra:
        raise ValueError(f"growth has sectors the weights lack: {extra!r}")
    acc = sum((np.asarray(w[k]) * _bridge(bridge, k) * np.asarray(growth[k], dtype="float64") for k in needed), np.float64(0))
    s_va = sum(np.asarray(w[k]) for k in va)
    return w, acc, s_va


def _bridge(bridge: Any, key: str) -> Any:
    if isinstance(bridge, Mapping):
        return np.asarray(bridge.get(key, 1.0), dtype="float64")
    return np.asarray(bridge, dtype="float64")


def _taxes(w: Mapping[str, Any], growth: Growth, taxes_growth: Any) -> Any:
    """Taxes' growth: explicit, from ``growth['taxes']``, or None (like gross value added)."""
    if "taxes" not in w:
        return None
    if taxes_growth is not None and "taxes" in growth:
        raise ValueError("give the taxes' growth once: in growth['taxes'] or as taxes_growth")
    if taxes_growth is not None:
        return np.asarray(taxes_growth, dtype="float64")
    if "taxes" in growth:
        return np.asarray(growth["taxes"], dtype="float64")
    return None


def _out(x: Any) -> Any:
    return float(x) if np.ndim(x) == 0 else np.asarray(x)


def _check_weights_of(weights_of: str) -> None:
    check_literal("weights_of", weights_of, WeightsOf)


def _inverse_sum(growth: Growth, w: Mapping[str, Any], bridge: Any, keys: list[str]) -> Any:
    """Σ_k S_k / (1 + b_k g_k / 100): the base level per unit of current level."""
    return sum(
        (np.asarray(w[k]) / (1 + _bridge(bridge, k) * np.asarray(growth[k], dtype="float64") / 100) for k in keys),
        np.float64(0),
    )


def implied_growth(
    growth: Growth, weights: Growth, *, bridge: Any = 1.0, taxes_growth: Any = None, weights_of: WeightsOf = "previous"
) -> Any:
    """GRDP growth implied by sector growth and a structure.

    With the previous period's shares ``s`` (``weights_of="previous"``, the
    office's convention): ``G = Σ_{VA} s_i b_i g_i + s_T g_T``, and with taxes
    growing like value added (the default) ``G = Σ_{VA} s_i b_i g_i / Σ_{VA} s_i``.

    With this period's own shares ``S`` (``weights_of="current"``), the base
    weights are back-cast at constant relative prices:
    ``1 + G = 1 / Σ_i S_i / (1 + b_i g_i)``, and with taxes like value added
    ``1 + G = Σ_{VA} S_i / Σ_{VA} S_i / (1 + b_i g_i)`` (growth as fractions).

    Parameters
    ----------
    growth : mapping
        Growth of each value-added sector in % (output growth when ``bridge`` ≠ 1);
        ``taxes`` optional. Values may be arrays (broadcast).
    weights : mapping
        Shares of GRDP (sum 1 or 100; see :func:`grdp.sectors.keys.normalise_weights`),
        split like ``growth``.
    bridge : float, array or mapping
        Value added grows ``bridge`` times as fast as output; a mapping gives one
        per sector (missing: 1).
    taxes_growth : float or array, optional
        Growth of product taxes less subsidies; default: like gross value added.
    weights_of : {"previous", "current"}
        Whose shares ``weights`` are.

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    The plan's 2025 targets (output growth 4,4 / 12,5 / 15,4 / 10,0 %) on the
    merged province's 2025 structure with the default split 0,82:

    >>> from grdp.sectors.structure import merged_structure
    >>> w = merged_structure().weights()
    >>> g = {"agriculture": 4.4, "industry": 12.5, "construction": 15.4, "services": 10.0}
    >>> round(implied_growth(g, w), 3)
    11.075
    >>> round(implied_growth(g, w, weights_of="current"), 3)
    10.992
    >>> import numpy as np
    >>> implied_growth(g, w, bridge=np.array([0.9, 1.0])).round(3)
    array([ 9.967, 11.075])
    """
    _check_weights_of(weights_of)
    w, acc, s_va = _parts(growth, weights, bridge)
    g_t = _taxes(w, growth, taxes_growth)
    if weights_of == "current":
        inv = _inverse_sum(growth, w, bridge, [k for k in w if k != "taxes"])
        if g_t is None:
            return _out(100 * (s_va / inv - 1))
        return _out(100 * (1 / (inv + np.asarray(w["taxes"]) / (1 + g_t / 100)) - 1))
    if g_t is None:
        return _out(acc / s_va)
    return _out(acc + np.asarray(w["taxes"]) * g_t)


def required_sector_growth(
    sector: str,
    target: Any,
    growth: Growth,
    weights: Growth,
    *,
    bridge: Any = 1.0,
    taxes_growth: Any = None,
    weights_of: WeightsOf = "previous",
) -> Any:
    """Growth one sector needs for GRDP to grow by ``target``, the others growing as given.

    Solves :func:`implied_growth` for ``g_k``. With previous-period weights:
    ``g_k = (target · Σ_{VA} s - Σ_{i≠k} s_i b_i g_i) / (s_k b_k)`` (taxes like
    value added), or ``(target - s_T g_T - Σ_{i≠k} s_i b_i g_i) / (s_k b_k)``.
    With current-period shares: ``1 + b_k g_k = S_k / R`` with
    ``R = Σ_{VA} S / (1 + target) - Σ_{i≠k} S_i / (1 + b_i g_i)`` (taxes like
    value added) or ``R = 1 / (1 + target) - S_T / (1 + g_T) - Σ_{i≠k} …``.
    The result is in the units of ``growth`` (output growth when ``bridge`` ≠ 1).

    Examples
    --------
    >>> from grdp.sectors.structure import merged_structure
    >>> w = merged_structure().weights()
    >>> g = {"agriculture": 4.4, "industry": 12.5, "construction": 15.4, "services": 10.0}
    >>> round(required_sector_growth("industry", 10.0, g, w), 2)
    10.27
    >>> round(required_sector_growth("industry", implied_growth(g, w), g, w), 10)  # round trip
    12.5
    """
    _check_weights_of(weights_of)
    if sector not in VALUE_ADDED:
        raise ValueError(f"sector must be one of: {', '.join(repr(s) for s in VALUE_ADDED)}")
    w, acc, s_va = _parts(growth, weights, bridge, skip=sector)
    if sector not in w:
        raise ValueError(f"sector {sector!r} is not among the weights {list(w)!r}")
    b_k = _bridge(bridge, sector)
    g_t = _taxes(w, growth, taxes_growth)
    target = np.asarray(target, dtype="float64")
    if weights_of == "current":
        others = _inverse_sum(growth, w, bridge, [k for k in w if k not in ("taxes", sector)])
        if g_t is None:
            rest = s_va / (1 + target / 100) - others
        else:
            rest = 1 / (1 + target / 100) - np.asarray(w["taxes"]) / (1 + g_t / 100) - others
        with np.errstate(divide="ignore", invalid="ignore"):
            return _out(100 * (np.asarray(w[sector]) / rest - 1) / b_k)
    denom = np.asarray(w[sector]) * b_k
    if g_t is None:
        return _out((target * s_va - acc) / denom)
    return _out((target - np.asarray(w["taxes"]) * g_t - acc) / denom)


def calibrate_bridge(
    output_growth: Growth, grdp_growth: Any, weights: Growth, *, taxes_growth: Any = None, weights_of: WeightsOf = "previous"
) -> Any:
    """The common VA/output bridge that makes sector output growth reproduce published GRDP growth.

    With previous-period weights: ``b = G / (Σ_{VA} s_i g_i / Σ_{VA} s_i)`` with
    taxes growing like value added, ``b = (G - s_T g_T) / Σ_{VA} s_i g_i``
    otherwise. With current-period shares the equation is solved numerically
    (bisection on ``b`` in [0, 5]; the implied growth increases with ``b`` when
    sector growth is positive); NaN where no bridge in that range fits. The
    inverse of :func:`implied_growth` in ``bridge`` (round-trip tested).

    Examples
    --------
    The plan's own 9-month figures (output 2,6 / 10,5 / 8,5 / 7,9 %, GRDP 8,01 %)
    on the 2025 structure, split 0,82:

    >>> from grdp.sectors.structure import merged_structure
    >>> w = merged_structure().weights()
    >>> g9 = {"agriculture": 2.6, "industry": 10.5, "construction": 8.5, "services": 7.9}
    >>> round(calibrate_bridge(g9, 8.01, w), 4)
    0.9366
    >>> round(calibrate_bridge(g9, 8.01, w, weights_of="current"), 4)
    0.9429
    """
    _check_weights_of(weights_of)
    G = np.asarray(grdp_growth, dtype="float64")
    if weights_of == "current":
        return _out(_calibrate_current(output_growth, G, weights, taxes_growth))
    w, acc, s_va = _parts(output_growth, weights, 1.0)
    g_t = _taxes(w, output_growth, taxes_growth)
    if g_t is None:
        return _out(G * s_va / acc)
    return _out((G - np.asarray(w["taxes"]) * g_t) / acc)


def _calibrate_current(output_growth: Growth, G: Any, weights: Growth, taxes_growth: Any) -> Any:
    """Bridge for current-period shares: Newton on R(b) = c, bisection where it does not settle."""
    w, _, s_va = _parts(output_growth, weights, 1.0)
    va = [k for k in w if k != "taxes"]
    g_t = _taxes(w, output_growth, taxes_growth)
    S = [np.asarray(w[k], dtype="float64") for k in va]
    x = [np.asarray(output_growth[k], dtype="float64") / 100 for k in va]
    c = s_va / (1 + G / 100) if g_t is None else 1 / (1 + G / 100) - np.asarray(w["taxes"]) / (1 + g_t / 100)
    shape = np.broadcast_shapes(np.shape(c), *(np.shape(v) for v in S + x))
    c = np.broadcast_to(c, shape)

    def r(b: np.ndarray) -> Any:
        return sum(si / (1 + b * xi) for si, xi in zip(S, x))

    b = np.zeros(shape)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for _ in range(50):
            slope = -sum(si * xi / (1 + b * xi) ** 2 for si, xi in zip(S, x))
            step = (r(b) - c) / slope
            b = b - step
            if not np.any(np.abs(step) > 1e-13):  # NaN steps end the loop too; bisection picks them up
                break
        ok = np.isfinite(b) & (b >= 0) & (b <= 5) & (np.abs(r(b) - c) <= 1e-10)
        if not np.all(ok):  # bisection on [0, 5] where Newton did not settle (R increasing or not convex)
            lo, hi = np.zeros(shape), np.full(shape, 5.0)
            f_lo, f_hi = r(lo) - c, r(hi) - c
            for _ in range(60):
                mid = (lo + hi) / 2
                same = np.sign(r(mid) - c) == np.sign(f_lo)
                lo, hi = np.where(same, mid, lo), np.where(same, hi, mid)
            b = np.where(ok, b, np.where(np.sign(f_lo) * np.sign(f_hi) <= 0, (lo + hi) / 2, np.nan))
    return b
