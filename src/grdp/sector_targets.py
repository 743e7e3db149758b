"""The plan's sector targets against its GRDP target and its structure target.

The plan sets gross output growth by sector (rows 2.1-2.4), GRDP growth (row 1)
and the share of industry + construction + services in GRDP (row 3). Two checks
join the audit (:func:`grdp.sector_audit.sector_findings`, passed to
:func:`grdp.consistency.check_plan` as an extra check):

``sectors_vs_grdp`` (row 1)
    The GRDP growth the sector targets imply on the base structure
    (:func:`grdp.structure.merged_structure`), for the year and for Q4, as an
    interval over every admissible assumption:

    * industry's share of industry + construction in
      :data:`~grdp.structure.INDUSTRY_SPLIT_RANGE` (default 0,82);
    * the value added/output bridge between the one calibrated on the plan's own
      9-month figures (:func:`grdp.decomposition.calibrate_bridge`) and 1 ("value
      added grows like output");
    * the 2025 structure read as the previous year's weights, or as the year's
      own shares back-cast at constant relative prices;
    * every printed figure anywhere in its rounding interval.

    Taxes grow like value added. Q4's structure is the annual one re-weighted by
    each sector's Q4 weight implied by its own three printed figures
    (:func:`grdp.periods.implied_weight`).

``share_from_sectors`` (row 3)
    Whether the year's share follows from the 9-month share and the sector
    targets: :mod:`grdp.share_target`.

The findings themselves are built by :func:`grdp.sector_audit.sector_findings`.

Verdicts follow the audit's rule: ``inconsistent`` only where the figures
disagree under *every* admissible assumption; ``consistent`` where they agree
under all; where they agree under some only, ``consistent`` with a warning that
names the assumptions under which they do and do not — an exit status of 1
must mean the plan contradicts itself, not that one assumption fails.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .decomposition import calibrate_bridge, implied_growth
from .labels import Lang, check_lang
from .numbers import format_number
from .periods import Interval, implied_weight
from .plan import GRDP_KEY, Period, value_at
from .structure import (
    DEFAULT_INDUSTRY_SPLIT,
    INDUSTRY_SPLIT_RANGE,
    BaseStructure,
    merged_structure,
    rest_structure,
    split_structure,
)
from .wording import num, period_names, span

__all__ = [
    "PLAN_SECTORS",
    "GRDP_KEY",
    "MissingFigures",
    "plan_row",
    "printed_interval",
    "plan_sector_growth",
    "require_figures",
    "sector_growth",
    "sector_rest_weights",
    "period_weights",
    "WEIGHTS_OF",
    "SPLIT_STEP",
    "BRIDGE_STEPS",
    "split_grid",
    "calibrated_range",
    "admissible_bridges",
    "SectorTargetsCheck",
    "check_sector_targets",
]

PLAN_SECTORS: dict[str, str] = {
    "agriculture": "output_growth_agriculture",
    "industry": "output_growth_industry",
    "construction": "output_growth_construction",
    "services": "output_growth_services",
}
"""Sector key → the plan row's indicator key (rows 2.1-2.4)."""
WEIGHTS_OF = ("previous", "current")
"""The two readings of the base structure a check tries (see :func:`grdp.decomposition.implied_growth`)."""
SPLIT_STEP = 0.005
"""Step of the industry splits a check tries (:func:`split_grid`)."""
BRIDGE_STEPS = 41
"""Number of value added/output bridges a check tries between the ends of the admissible range."""


class MissingFigures(LookupError):
    """The plan lacks a row or figure a sector check needs.

    ``missing`` lists ``(row, period)``: the row's STT (or indicator key when the
    row is absent) and ``done`` / ``rest`` / ``year`` (empty for a missing row).
    """

    def __init__(self, missing: list[tuple[str, str]]) -> None:
        self.missing = tuple(missing)
        super().__init__(self.describe("en"))

    def describe(self, lang: Lang = "vi") -> str:
        vi = check_lang(lang) == "vi"
        names = {"done": ("kết quả 9 tháng", "9-month figure"), "rest": ("mục tiêu quý IV", "Q4 target"),
                 "year": ("mục tiêu năm", "annual target")}
        parts = []
        for row, period in self.missing:
            if period:
                what = names.get(period, (period, period))[0 if vi else 1]
                parts.append(f"{'dòng' if vi else 'row'} {row}: "
                             + (f"không có {what} (hoặc chỉ có cận trên/dưới)" if vi else f"no {what} (or only a bound)"))
            else:
                parts.append(f"{'không có dòng' if vi else 'no row for'} {row}")
        return "; ".join(parts)


# --------------------------------------------------------------------------- the plan's figures


def plan_row(plan: pd.DataFrame, key: str) -> pd.Series:
    """The plan's row of an indicator key (the first, if repeated); :class:`MissingFigures` if absent.

    >>> from grdp import load_plan
    >>> plan_row(load_plan(), GRDP_KEY)["stt"]
    '1'
    """
    rows = plan[plan["key"] == key]
    if rows.empty:
        raise MissingFigures([(key, "")])
    return rows.iloc[0]


def printed_interval(row: pd.Series, period: Period) -> Interval:
    """The rounding interval of what a plan row prints for a period: from its low end's low to its high end's high.

    Raises :class:`MissingFigures` when the figure is missing or only a bound.

    >>> from grdp import load_plan
    >>> [round(x, 3) for x in printed_interval(plan_row(load_plan(), GRDP_KEY), "year")]
    [9.95, 10.55]
    """
    v = value_at(row, period)
    if v.is_missing or v.low is None or v.high is None or v.precision is None:
        raise MissingFigures([(str(row["stt"]), period)])
    h = 0.5 * 10.0 ** (-v.precision)
    return Interval(v.low - h, v.high + h)


def plan_sector_growth(plan: pd.DataFrame) -> pd.DataFrame:
    """The plan's sector output growth and GRDP growth, as printed and as rounding intervals.

    Returns
    -------
    pandas.DataFrame
        Index ``agriculture, industry, construction, services, total`` (total:
        GRDP, row 1); ``stt``; for each period ``done``, ``rest``, ``year``: the printed
        value (the middle of a printed range) and ``*_low`` / ``*_high``, the
        rounding interval of what is printed (:func:`printed_interval`; NaN where
        nothing or only a bound is printed).

    Examples
    --------
    >>> from grdp import load_plan
    >>> t = plan_sector_growth(load_plan())
    >>> t["year"].tolist()
    [4.4, 12.5, 15.4, 10.0, 10.25]
    >>> t.loc["total", ["year_low", "year_high"]].round(2).tolist()
    [9.95, 10.55]
    """
    rows = {s: plan_row(plan, k) for s, k in PLAN_SECTORS.items()}
    rows["total"] = plan_row(plan, GRDP_KEY)
    records = {}
    for s, r in rows.items():
        rec: dict[str, float] = {}
        for p in ("done", "rest", "year"):
            try:
                iv = printed_interval(r, p)  # type: ignore[arg-type]
                v = value_at(r, p)  # type: ignore[arg-type]
                rec.update({p: (v.low + v.high) / 2, f"{p}_low": iv.low, f"{p}_high": iv.high})  # type: ignore[operator]
            except MissingFigures:
                rec.update({p: np.nan, f"{p}_low": np.nan, f"{p}_high": np.nan})
        records[s] = rec | {"stt": str(r["stt"])}
    return pd.DataFrame.from_dict(records, orient="index")


def require_figures(table: pd.DataFrame, rows: list[str], periods: tuple[str, ...]) -> None:
    """Raise :class:`MissingFigures` naming every (row, period) of a :func:`plan_sector_growth` table that is missing."""
    missing = [(str(table.loc[r, "stt"]), p) for r in rows for p in periods if pd.isna(table.loc[r, p])]
    if missing:
        raise MissingFigures(missing)


def sector_growth(table: pd.DataFrame, column: str) -> dict[str, float]:
    """One column of a :func:`plan_sector_growth` table (``"year"``, ``"done_low"`` …) for the four plan sectors.

    >>> from grdp import load_plan
    >>> sector_growth(plan_sector_growth(load_plan()), "done")
    {'agriculture': 2.6, 'industry': 10.5, 'construction': 8.5, 'services': 7.9}
    """
    return {s: float(table.loc[s, column]) for s in PLAN_SECTORS}


def _implied_weight(table: pd.DataFrame, row: str) -> float:
    return float(implied_weight(table.loc[row, "done"], table.loc[row, "rest"], table.loc[row, "year"]))


def sector_rest_weights(plan: pd.DataFrame) -> pd.Series:
    """Each sector's previous-year weight of the rest of the year (Q4), implied by its own three printed figures.

    ``w_i = (year_i - done_i) / (rest_i - done_i)`` (:func:`grdp.periods.implied_weight`),
    GRDP's from the middles of its printed ranges. With them, a sector's annual
    growth from its 9 months and Q4 is :func:`grdp.periods.annual_growth` with
    ``rest_weight=w_i``, and Q4's structure is :func:`period_weights`.

    >>> from grdp import load_plan
    >>> sector_rest_weights(load_plan()).round(4).to_dict()
    {'agriculture': 0.2857, 'industry': 0.3226, 'construction': 0.3366, 'services': 0.3134, 'total': 0.3205}
    """
    table = plan_sector_growth(plan)
    require_figures(table, list(table.index), ("done", "rest", "year"))
    return pd.Series({s: _implied_weight(table, s) for s in [*PLAN_SECTORS, "total"]}, name="rest_weight")


def period_weights(table: pd.DataFrame, weights: Mapping[str, Any], period: Period) -> Any:
    """The base structure as the previous year's weights of one period of the plan.

    The annual ``weights`` serve the year and the part done; the rest of the
    year (Q4) weighs each sector by its previous-year Q4 weight implied by its
    own three printed figures (:func:`grdp.structure.rest_structure`; taxes at
    the value-added-weighted mean weight).

    >>> from grdp import load_plan
    >>> from grdp.structure import merged_structure
    >>> w = period_weights(plan_sector_growth(load_plan()), merged_structure().weights(), "rest")
    >>> round(w["agriculture"], 4)  # 0,119 × 0,2857 / Σ s_i w_i (0,3168): agriculture weighs more in Q4
    0.1073
    """
    if period != "rest":
        return weights
    return rest_structure(weights, {s: _implied_weight(table, s) for s in PLAN_SECTORS})


# --------------------------------------------------------------------------- admissible assumptions


def split_grid(split: tuple[float, float], default: float = DEFAULT_INDUSTRY_SPLIT) -> np.ndarray:
    """The industry splits a check tries: ``split`` in steps of :data:`SPLIT_STEP`, its ends and the default if inside.

    >>> split_grid((0.8, 0.82), 0.813).tolist()
    [0.8, 0.805, 0.81, 0.813, 0.815, 0.82]
    """
    lo, hi = float(split[0]), float(split[1])
    grid = np.round(np.arange(lo, hi + SPLIT_STEP / 2, SPLIT_STEP), 6)
    return np.unique(np.concatenate([grid, [lo, hi], [default] if lo <= default <= hi else []]))


def _corners(table: pd.DataFrame) -> dict[str, tuple[dict[str, float], float]]:
    """9-month (sector growth, GRDP growth) at the corners giving the lowest and highest calibrated bridge."""
    return {
        "low": (sector_growth(table, "done_high"), float(table.loc["total", "done_low"])),
        "high": (sector_growth(table, "done_low"), float(table.loc["total", "done_high"])),
    }


def calibrated_range(
    plan: pd.DataFrame,
    *,
    structure: BaseStructure | None = None,
    industry_split: tuple[float, float] = INDUSTRY_SPLIT_RANGE,
    weights_of: Iterable[str] = WEIGHTS_OF,
) -> Interval:
    """The bridge calibrated on the 9 months over splits, structure readings and rounding.

    >>> from grdp import load_plan
    >>> [round(x, 3) for x in calibrated_range(load_plan())]
    [0.918, 0.968]
    """
    structure = merged_structure() if structure is None else structure
    table = plan_sector_growth(plan)
    require_figures(table, list(table.index), ("done",))
    w = split_structure(structure.shares.to_dict(), industry_split=split_grid(industry_split))
    b = np.concatenate([np.ravel(calibrate_bridge(g9, G9, w, weights_of=wo))  # type: ignore[arg-type]
                        for wo in weights_of for g9, G9 in _corners(table).values()])
    return Interval(float(np.nanmin(b)), float(np.nanmax(b)))


def admissible_bridges(calibrated: Interval) -> Interval:
    """The bridges admitted by default: from the calibrated ones to 1 ("value added grows like output").

    >>> admissible_bridges(Interval(0.918, 0.968))
    Interval(low=0.918, high=1.0)
    """
    return Interval(min(calibrated.low, 1.0), max(calibrated.high, 1.0))


def _ranges(grid: np.ndarray, mask: np.ndarray) -> list[tuple[float, float]]:
    """Contiguous runs of ``grid`` where ``mask`` holds, as (first, last)."""
    runs: list[tuple[float, float]] = []
    start = None
    for i, ok in enumerate(mask):
        if ok and start is None:
            start = i
        if start is not None and (not ok or i == len(mask) - 1):
            end = i if ok else i - 1
            runs.append((float(grid[start]), float(grid[end])))
            start = None
    return runs


# --------------------------------------------------------------------------- sectors vs GRDP


@dataclass(frozen=True)
class SectorTargetsCheck:
    """What GRDP growth the plan's sector targets imply, over the admissible assumptions.

    Attributes
    ----------
    grid : pandas.DataFrame
        One row per (period, weights_of, industry_split, bridge): ``period``
        (``year`` / ``rest``), ``weights_of``, ``industry_split``, ``bridge``,
        ``bridge_kind`` (``calibrated`` / ``one`` / ``between``),
        ``implied_low``, ``implied_high`` (over the printed figures' rounding),
        ``agrees`` (overlaps the target's rounding interval), ``admissible``
        (within the bridges allowed; with an explicit ``bridge`` range, the
        calibrated bridge and bridge 1 are shown but admissible only if inside it).
    targets : dict
        Period → the GRDP target's rounding interval.
    bridge_calibrated : Interval
        The bridge calibrated on the 9 months, over splits, bases and rounding.
    default : dict
        Period → implied growth at the default split, previous-year weights and
        the mid calibrated bridge, and at bridge 1.
    verdict : str
    """

    grid: pd.DataFrame
    targets: dict[str, Interval]
    bridge_calibrated: Interval
    split_range: tuple[float, float]
    default_split: float
    default: dict[str, float]
    verdict: str
    structure: BaseStructure = field(repr=False)
    figures: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    months_done: int = 9

    def implied(self, period: str, bridge_kind: str | None = None) -> Interval:
        """Hull of the implied growth for a period (``year``/``rest``): over the admissible
        assumptions, or for one bridge kind (``one``, ``calibrated``, ``between``)."""
        g = self.grid[self.grid["period"] == period]
        g = g[g["admissible"]] if bridge_kind is None else g[g["bridge_kind"] == bridge_kind]
        return Interval(float(g["implied_low"].min()), float(g["implied_high"].max()))

    def agreeing_splits(self, period: str | None = None, bridge_kind: str | None = "calibrated") -> list[tuple[float, float]]:
        """Industry splits where the period (or, with ``period=None``, year and Q4 together) agrees.

        For one bridge kind, or with ``bridge_kind=None`` for some admissible
        bridge; under either reading of the structure.
        """
        g = self.grid[self.grid["admissible"]] if bridge_kind is None else self.grid[self.grid["bridge_kind"] == bridge_kind]
        if period is not None:
            g = g[g["period"] == period]
        ok = g.groupby(["industry_split", "weights_of", "bridge_kind", "bridge"])["agrees"].all().groupby("industry_split").any()
        return _ranges(ok.index.to_numpy(), ok.to_numpy())

    @property
    def bridge_admissible(self) -> Interval:
        """The admissible bridges (hull)."""
        b = self.grid.loc[self.grid["admissible"], "bridge"]
        return Interval(float(b.min()), float(b.max()))

    def max_agreeing_bridge(self) -> float:
        """The largest admissible bridge under which year and Q4 both agree for some split and basis (NaN if none)."""
        ok = self.grid[self.grid["admissible"]].groupby(["weights_of", "industry_split", "bridge"])["agrees"].all()
        ok = ok[ok]
        return float(ok.index.get_level_values("bridge").max()) if len(ok) else float("nan")

    def to_frame(self, *, lang: Lang = "vi") -> pd.DataFrame:
        """Implied GRDP growth by period and bridge kind (hull over the other assumptions)."""
        lang = check_lang(lang)
        rows = []
        for period in ("year", "rest"):
            for kind in ("one", "calibrated"):
                iv = self.implied(period, kind)
                rows.append({"period": period, "bridge": kind, "implied_low": iv.low, "implied_high": iv.high,
                             "target_low": self.targets[period].low, "target_high": self.targets[period].high,
                             "agrees": bool(self.grid[(self.grid["period"] == period) & (self.grid["bridge_kind"] == kind)]["agrees"].any())})
        return pd.DataFrame(rows)

    def summary(self, *, lang: Lang = "vi") -> str:
        """The implied GRDP growth with bridge 1, with the calibrated bridge and over every admissible assumption."""
        lang = check_lang(lang)
        done, rest = period_names(self.months_done, lang)
        st = "/".join(num(v, 1, lang) for v in self.structure.shares)
        f = self.figures
        g9 = "/".join(format_number(float(f.loc[k, "done"]), style=lang) for k in PLAN_SECTORS)
        G9 = format_number(float(f.loc["total", "done"]), style=lang)
        y1, q1 = self.implied("year", "one"), self.implied("rest", "one")
        yc, qc = self.implied("year", "calibrated"), self.implied("rest", "calibrated")
        ya, qa = self.implied("year"), self.implied("rest")
        ba = span(self.bridge_admissible, 3, lang)
        ty, tq = self.targets["year"], self.targets["rest"]
        split = span(self.split_range, 2, lang)
        b = span(self.bridge_calibrated, 3, lang)
        runs_y, runs_q = _runs(self.agreeing_splits("year"), lang), _runs(self.agreeing_splits("rest"), lang)

        def side(iv: Interval, target: Interval) -> str:
            if iv.low > target.high:
                return "cao hơn mục tiêu" if lang == "vi" else "above the target"
            if iv.high < target.low:
                return "thấp hơn mục tiêu" if lang == "vi" else "below the target"
            return "khớp mục tiêu với một số giả định" if lang == "vi" else "agreeing under some assumptions"

        if lang == "vi":
            return (
                f"Trên cơ cấu {self.structure.period} ({st} %, giá hiện hành), tỷ trọng công nghiệp trong CN-XD {split} "
                f"(mặc định {num(self.default_split, 2, lang)}), thuế sản phẩm tăng như GTTT: nếu GTTT tăng như GTSX (hệ số 1), "
                f"mục tiêu ngành ngầm định GRDP cả năm tăng {span(y1, 2, lang)} % ({side(y1, ty)}) và {rest} "
                f"{span(q1, 2, lang)} % ({side(q1, tq)}); mục tiêu {span(ty, 2, lang)} % và {span(tq, 2, lang)} %, kể cả làm tròn. "
                f"Số {done} của chính kế hoạch (GTSX ngành {g9} %, GRDP {G9} %) cho thấy tốc độ tăng GTTT bằng {b} lần tốc độ tăng GTSX; "
                f"với hệ số đó mục tiêu ngành ngầm định cả năm {span(yc, 2, lang)} % và {rest} {span(qc, 2, lang)} %, "
                f"khớp mục tiêu khi tỷ trọng công nghiệp trong CN-XD trong khoảng {runs_y} (năm), "
                f"{runs_q} ({rest}). Trên mọi giả định chấp nhận được (hệ số {ba}, tỷ trọng công nghiệp "
                f"{split}, cơ cấu đọc là của năm trước hoặc của chính năm nay): cả năm {span(ya, 2, lang)} %, {rest} "
                f"{span(qa, 2, lang)} %."
            )
        return (
            f"On the {self.structure.period} structure ({st} %, current prices), industry's share of industry + construction "
            f"{split} (default {num(self.default_split, 2, lang)}), product taxes growing like value added: if value added grows "
            f"like output (bridge 1), the sector targets imply GRDP growth of {span(y1, 2, lang)} % for the year "
            f"({side(y1, ty)}) and {span(q1, 2, lang)} % in {rest} ({side(q1, tq)}); targets {span(ty, 2, lang)} % and "
            f"{span(tq, 2, lang)} %, rounding included. The plan's own figures for the {done} (sector output {g9} %, GRDP {G9} %) "
            f"give a value added/output bridge of {b}; with it the sector targets imply {span(yc, 2, lang)} % for the year "
            f"and {span(qc, 2, lang)} % in {rest}, agreeing with the targets for an industry split in "
            f"{runs_y} (year), {runs_q} ({rest}). Over every admissible assumption (bridge "
            f"{ba}, industry split {split}, the structure read as last year's or as this year's own): {span(ya, 2, lang)} % "
            f"for the year, {span(qa, 2, lang)} % in {rest}."
        )

    def warning(self, *, lang: Lang = "vi") -> str:
        """Under which assumptions year and Q4 agree; empty unless the verdict is ``conditional``."""
        lang = check_lang(lang)
        if self.verdict != "conditional":
            return ""
        done, rest = period_names(self.months_done, lang)
        b = span(self.bridge_calibrated, 3, lang)
        runs = _runs(self.agreeing_splits(None, bridge_kind=None), lang)
        bmax = num(np.floor(self.max_agreeing_bridge() * 100) / 100, 2, lang)  # a round bridge that still agrees
        y1, ty = self.implied("year", "one"), self.targets["year"]
        above = y1.low > ty.high
        if lang == "vi":
            tail = (f"nếu GTTT tăng như GTSX thì mục tiêu ngành ngầm định GRDP cả năm {span(y1, 2, lang)} %, cao hơn mục tiêu"
                    if above else "nếu GTTT tăng như GTSX thì không khớp")
            return (f"Cả năm và {rest} cùng khớp chỉ khi tốc độ tăng GTTT bằng tối đa {bmax} lần tốc độ tăng GTSX (như "
                    f"{done}: {b}) và tỷ trọng công nghiệp trong CN-XD {runs}; {tail}.")
        tail = (f"if value added grows like output, the sector targets imply {span(y1, 2, lang)} % for the year, above the target"
                if above else "if value added grows like output, they do not")
        return (f"Year and {rest} both agree only if value added grows at most {bmax} times as fast as output (as in the "
                f"{done}: {b}) and the industry split is in {runs}; {tail}.")

    def _repr_html_(self) -> str:
        return f"<p>{self.summary()}</p>" + self.to_frame().to_html(index=False)


def check_sector_targets(
    plan: pd.DataFrame,
    *,
    structure: BaseStructure | None = None,
    industry_split: tuple[float, float] = INDUSTRY_SPLIT_RANGE,
    default_split: float = DEFAULT_INDUSTRY_SPLIT,
    bridge: tuple[float, float] | None = None,
    weights_of: Iterable[str] = WEIGHTS_OF,
) -> SectorTargetsCheck:
    """The GRDP growth the plan's sector targets imply (year and Q4), against its GRDP target.

    Parameters
    ----------
    plan : pandas.DataFrame
        From :func:`grdp.load_plan`.
    structure : BaseStructure, optional
        Default: :func:`grdp.structure.merged_structure`.
    industry_split : (float, float)
        Admissible industry share of industry + construction.
    default_split : float
        The split used for the single "default" figures.
    bridge : (float, float), optional
        Admissible value added/output bridges. Default: from the bridge
        calibrated on the 9 months (per split and basis, over rounding) to 1.
    weights_of : iterable of {"previous", "current"}
        How the structure is read (see :func:`grdp.decomposition.implied_growth`).

    Raises
    ------
    MissingFigures
        When a sector row or a figure the check needs is absent.

    Notes
    -----
    Implied growth increases with each sector's growth and with the bridge, and
    the calibrated bridge increases with the 9-month GRDP growth and decreases
    with the 9-month sector growth, so each interval's ends sit at two corners of
    the rounding box: (year or Q4 lows, 9-month sector highs, 9-month GRDP low)
    and the reverse. Q4 weights come from the printed figures' middles.

    Examples
    --------
    >>> from grdp import load_plan
    >>> c = check_sector_targets(load_plan())
    >>> c.verdict, [round(x, 2) for x in c.implied("year", "one")]
    ('conditional', [10.78, 11.36])
    >>> [round(x, 3) for x in c.bridge_calibrated]
    [0.918, 0.968]
    """
    structure = merged_structure() if structure is None else structure
    table = plan_sector_growth(plan)
    require_figures(table, list(table.index), ("done", "rest", "year"))
    targets = {p: Interval(float(table.loc["total", f"{p}_low"]), float(table.loc["total", f"{p}_high"])) for p in ("year", "rest")}
    splits = split_grid(industry_split, default_split)
    w = split_structure(structure.shares.to_dict(), industry_split=splits[:, None])
    weights = {period: period_weights(table, w, period) for period in ("year", "rest")}  # type: ignore[arg-type]
    corners = _corners(table)
    steps = np.linspace(0.0, 1.0, BRIDGE_STEPS)[None, :]
    kinds = np.array(["between"] * BRIDGE_STEPS + ["one", "calibrated"])
    frames = []
    b_all: list[np.ndarray] = []
    for wo in weights_of:
        b_cal = {c: np.asarray(calibrate_bridge(g9, float(G9), w, weights_of=wo)) for c, (g9, G9) in corners.items()}
        b_all += list(b_cal.values())
        if bridge is None:
            b_lo, b_hi = np.minimum(b_cal["low"], 1.0), np.maximum(b_cal["high"], 1.0)
        else:
            b_lo, b_hi = np.full_like(b_cal["low"], bridge[0]), np.full_like(b_cal["low"], bridge[1])
        b_grid = np.concatenate([b_lo + (b_hi - b_lo) * steps, np.ones_like(b_lo)], axis=1)
        # per split: the grid, bridge 1, then the calibrated bridge (its low end with the figures' lows, high with highs)
        b_low, b_high = (np.concatenate([b_grid, b_cal[c]], axis=1) for c in ("low", "high"))
        for period, ws in weights.items():
            frames.append(pd.DataFrame({
                "period": period,
                "weights_of": wo,
                "industry_split": np.repeat(splits, len(kinds)),
                "bridge": np.concatenate([b_grid, (b_cal["low"] + b_cal["high"]) / 2], axis=1).ravel(),
                "bridge_kind": np.tile(kinds, len(splits)),
                "implied_low": np.asarray(implied_growth(sector_growth(table, f"{period}_low"), ws, bridge=b_low,
                                                         weights_of=wo)).ravel(),  # type: ignore[arg-type]
                "implied_high": np.asarray(implied_growth(sector_growth(table, f"{period}_high"), ws, bridge=b_high,
                                                          weights_of=wo)).ravel(),  # type: ignore[arg-type]
            }))
    grid = pd.concat(frames, ignore_index=True)
    grid["agrees"] = [
        targets[p].overlaps(Interval(lo, hi)) for p, lo, hi in zip(grid["period"], grid["implied_low"], grid["implied_high"])
    ]
    one_ok = bridge is None or bridge[0] <= 1.0 <= bridge[1]
    grid["admissible"] = (grid["bridge_kind"] == "between") | ((grid["bridge_kind"] == "one") & one_ok) | (
        (grid["bridge_kind"] == "calibrated") & (bridge is None)
    )
    ok = grid[grid["admissible"]].groupby(["weights_of", "industry_split", "bridge_kind", "bridge"])["agrees"].all()
    verdict = "inconsistent" if not ok.any() else "consistent" if ok.all() else "conditional"
    b_flat = np.concatenate([np.ravel(b) for b in b_all])
    w_def = structure.weights(industry_split=default_split)
    b_def = float(calibrate_bridge(sector_growth(table, "done"), float(table.loc["total", "done"]), w_def))
    default = {"bridge": b_def}
    for period in ("year", "rest"):
        g, ws = sector_growth(table, period), period_weights(table, w_def, period)  # type: ignore[arg-type]
        default[f"{period}_calibrated"] = float(implied_growth(g, ws, bridge=b_def))
        default[f"{period}_one"] = float(implied_growth(g, ws))
    return SectorTargetsCheck(
        grid=grid,
        targets=targets,
        bridge_calibrated=Interval(float(np.nanmin(b_flat)), float(np.nanmax(b_flat))),
        split_range=(float(industry_split[0]), float(industry_split[1])),
        default_split=default_split,
        default=default,
        verdict=verdict,
        structure=structure,
        figures=table,
        months_done=int(plan.attrs.get("months_done", 9)),
    )


def _runs(runs: list[tuple[float, float]], lang: Lang) -> str:
    return ", ".join(span(r, 3, lang) for r in runs) if runs else ("không có" if lang == "vi" else "none")
