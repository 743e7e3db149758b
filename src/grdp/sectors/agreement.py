"""Do the plan's sector targets agree with its GRDP target? (``sectors_vs_grdp``)

The GRDP growth the sector targets imply on the base structure
(:func:`grdp.sectors.structure.merged_structure`), for the year and for Q4, as an
interval over every admissible assumption:

* industry's share of industry + construction in its admissible range
  (:func:`grdp.sectors.structure.split_range`);
* the value added/output bridge between the one calibrated on the plan's own
  9-month figures (:func:`grdp.sectors.decomposition.calibrate_bridge`) and 1
  ("value added grows like output");
* the base structure read as the previous year's weights, or as the year's
  own shares back-cast at constant relative prices;
* every printed figure anywhere in its rounding interval.

Taxes grow like value added. Q4's structure is the annual one re-weighted by
each sector's Q4 weight implied by its own three printed figures
(:func:`grdp.sectors.targets.period_weights`).

Verdicts follow the audit's rule: ``implausible`` where the figures disagree
under *every* admissible assumption (the sector rows and GRDP are tied by a
structure and a bridge that are assumptions, not by an identity);
``consistent`` where they agree under all; ``conditional`` where they agree
under some only — the audit (:mod:`grdp.audit.sectors`) reports that as
``consistent`` with a warning that names the assumptions, since an exit status
of 1 must mean the plan contradicts itself, not that one assumption fails.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from grdp.core.numbers import format_number
from grdp.core.periods import Interval
from grdp.core.results import Result
from grdp.core.typing import Lang, WeightsOf
from grdp.core.wording import num, period_names, span
from grdp.io.plan import Plan
from grdp.sectors import structure as base
from grdp.sectors.decomposition import calibrate_bridge, implied_growth
from grdp.sectors.keys import split_structure
from grdp.sectors.structure import BaseStructure, merged_structure
from grdp.sectors.targets import (
    BRIDGE_STEPS,
    PLAN_SECTORS,
    WEIGHTS_OF,
    corners,
    period_weights,
    plan_sector_growth,
    require_figures,
    sector_growth,
    split_grid,
)

__all__ = ["SectorTargetsCheck", "check_sector_targets"]


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


@dataclass(frozen=True)
class SectorTargetsCheck(Result):
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
    figures: pd.DataFrame = field(repr=False)
    months_done: int
    plan: Plan = field(repr=False, compare=False)
    lang: Lang = "vi"
    _memo: dict[tuple[object, ...], object] = field(default_factory=dict, init=False, repr=False, compare=False)
    """The queries below answered once each: the summary, the warning and the audit's evidence ask the same."""

    def implied(self, period: str, bridge_kind: str | None = None) -> Interval:
        """Hull of the implied growth for a period (``year``/``rest``): over the admissible
        assumptions, or for one bridge kind (``one``, ``calibrated``, ``between``)."""
        key = ("implied", period, bridge_kind)
        if key not in self._memo:
            g = self.grid[self.grid["period"] == period]
            g = g[g["admissible"]] if bridge_kind is None else g[g["bridge_kind"] == bridge_kind]
            self._memo[key] = Interval(float(g["implied_low"].min()), float(g["implied_high"].max()))
        iv: Interval = self._memo[key]  # type: ignore[assignment]
        return iv

    def agreeing_splits(self, period: str | None = None, bridge_kind: str | None = "calibrated") -> list[tuple[float, float]]:
        """Industry splits where the period (or, with ``period=None``, year and Q4 together) agrees.

        For one bridge kind, or with ``bridge_kind=None`` for some admissible
        bridge; under either reading of the structure.
        """
        key = ("agreeing_splits", period, bridge_kind)
        if key not in self._memo:
            g = self.grid[self.grid["admissible"]] if bridge_kind is None else self.grid[self.grid["bridge_kind"] == bridge_kind]
            if period is not None:
                g = g[g["period"] == period]
            ok = g.groupby(["industry_split", "weights_of", "bridge_kind", "bridge"])["agrees"].all().groupby("industry_split").any()
            self._memo[key] = tuple(_ranges(ok.index.to_numpy(), ok.to_numpy()))
        return list(self._memo[key])  # type: ignore[call-overload]

    @property
    def bridge_admissible(self) -> Interval:
        """The admissible bridges (hull)."""
        b = self.grid.loc[self.grid["admissible"], "bridge"]
        return Interval(float(b.min()), float(b.max()))

    def max_agreeing_bridge(self) -> float:
        """The largest admissible bridge under which year and Q4 both agree for some split and basis (NaN if none)."""
        key = ("max_agreeing_bridge",)
        if key not in self._memo:
            ok = self.grid[self.grid["admissible"]].groupby(["weights_of", "industry_split", "bridge"])["agrees"].all()
            ok = ok[ok]
            self._memo[key] = float(ok.index.get_level_values("bridge").max()) if len(ok) else float("nan")
        return float(self._memo[key])  # type: ignore[arg-type]

    def to_frame(self) -> pd.DataFrame:
        """Implied GRDP growth by period and bridge kind (hull over the other assumptions)."""
        rows = []
        for period in ("year", "rest"):
            for kind in ("one", "calibrated"):
                iv = self.implied(period, kind)
                rows.append({"period": period, "bridge": kind, "implied_low": iv.low, "implied_high": iv.high,
                             "target_low": self.targets[period].low, "target_high": self.targets[period].high,
                             "agrees": bool(self.grid[(self.grid["period"] == period) & (self.grid["bridge_kind"] == kind)]["agrees"].any())})
        return pd.DataFrame(rows)

    def summary(self, *, lang: Lang | None = None) -> str:
        """The implied GRDP growth with bridge 1, with the calibrated bridge and over every admissible assumption."""
        lang = self.language(lang)
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
                f"mục tiêu ngành hàm ý GRDP cả năm tăng {span(y1, 2, lang)} % ({side(y1, ty)}) và {rest} "
                f"{span(q1, 2, lang)} % ({side(q1, tq)}); mục tiêu {span(ty, 2, lang)} % và {span(tq, 2, lang)} %, kể cả làm tròn. "
                f"Số {done} của chính kế hoạch (GTSX ngành {g9} %, GRDP {G9} %) cho thấy tốc độ tăng GTTT bằng {b} lần tốc độ tăng GTSX; "
                f"với hệ số đó mục tiêu ngành hàm ý cả năm {span(yc, 2, lang)} % và {rest} {span(qc, 2, lang)} %, "
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

    def warning(self, *, lang: Lang | None = None) -> str:
        """Under which assumptions year and Q4 agree; empty unless the verdict is ``conditional``."""
        lang = self.language(lang)
        if self.verdict != "conditional":
            return ""
        done, rest = period_names(self.months_done, lang)
        b = span(self.bridge_calibrated, 3, lang)
        runs = _runs(self.agreeing_splits(None, bridge_kind=None), lang)
        bmax = num(np.floor(self.max_agreeing_bridge() * 100) / 100, 2, lang)  # a round bridge that still agrees
        y1, ty = self.implied("year", "one"), self.targets["year"]
        above = y1.low > ty.high
        if lang == "vi":
            tail = (f"nếu GTTT tăng như GTSX thì mục tiêu ngành hàm ý GRDP cả năm {span(y1, 2, lang)} %, cao hơn mục tiêu"
                    if above else "nếu GTTT tăng như GTSX thì không khớp")
            return (f"Cả năm và {rest} cùng khớp chỉ khi tốc độ tăng GTTT bằng tối đa {bmax} lần tốc độ tăng GTSX (như "
                    f"{done}: {b}) và tỷ trọng công nghiệp trong CN-XD {runs}; {tail}.")
        tail = (f"if value added grows like output, the sector targets imply {span(y1, 2, lang)} % for the year, above the target"
                if above else "if value added grows like output, they do not")
        return (f"Year and {rest} both agree only if value added grows at most {bmax} times as fast as output (as in the "
                f"{done}: {b}) and the industry split is in {runs}; {tail}.")


def check_sector_targets(
    plan: Plan,
    *,
    structure: BaseStructure | None = None,
    industry_split: tuple[float, float] | None = None,
    default_split: float | None = None,
    bridge: tuple[float, float] | None = None,
    weights_of: Iterable[WeightsOf] = WEIGHTS_OF,
    lang: Lang = "vi",
) -> SectorTargetsCheck:
    """The GRDP growth the plan's sector targets imply (year and Q4), against its GRDP target.

    Parameters
    ----------
    plan : Plan
        From :func:`grdp.load_plan`.
    structure : BaseStructure, optional
        Default: the merged province's structure for the plan's year
        (:func:`grdp.sectors.structure.merged_structure`).
    industry_split : (float, float), optional
        Admissible industry share of industry + construction; default
        :func:`grdp.sectors.structure.split_range`.
    default_split : float, optional
        The split used for the single "default" figures; default
        :func:`grdp.sectors.structure.default_split`.
    bridge : (float, float), optional
        Admissible value added/output bridges. Default: from the bridge
        calibrated on the 9 months (per split and basis, over rounding) to 1.
    weights_of : iterable of {"previous", "current"}
        How the structure is read (see :func:`grdp.sectors.decomposition.implied_growth`).

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
    structure = merged_structure(plan.year) if structure is None else structure
    industry_split = base.split_range() if industry_split is None else industry_split
    default_split = base.default_split() if default_split is None else default_split
    table = plan_sector_growth(plan)
    require_figures(table, list(table.index), ("done", "rest", "year"))
    targets = {p: Interval(float(table.loc["total", f"{p}_low"]), float(table.loc["total", f"{p}_high"])) for p in ("year", "rest")}
    splits = split_grid(industry_split, default_split)
    w = split_structure(structure.shares.to_dict(), industry_split=splits[:, None])
    weights = {period: period_weights(table, w, period) for period in ("year", "rest")}
    ends = corners(table)
    steps = np.linspace(0.0, 1.0, BRIDGE_STEPS)[None, :]
    kinds = np.array(["between"] * BRIDGE_STEPS + ["one", "calibrated"])
    frames = []
    b_all: list[np.ndarray] = []
    for wo in weights_of:
        b_cal = {c: np.asarray(calibrate_bridge(g9, float(G9), w, weights_of=wo)) for c, (g9, G9) in ends.items()}
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
                                                         weights_of=wo)).ravel(),
                "implied_high": np.asarray(implied_growth(sector_growth(table, f"{period}_high"), ws, bridge=b_high,
                                                          weights_of=wo)).ravel(),
            }))
    grid = pd.concat(frames, ignore_index=True)
    # Interval.overlaps, row by row, as arrays: target.low <= implied_high and implied_low <= target.high
    period = grid["period"].to_numpy()
    t_low = np.select([period == p for p in targets], [targets[p].low for p in targets], np.nan)
    t_high = np.select([period == p for p in targets], [targets[p].high for p in targets], np.nan)
    grid["agrees"] = (t_low <= grid["implied_high"].to_numpy()) & (grid["implied_low"].to_numpy() <= t_high)
    one_ok = bridge is None or bridge[0] <= 1.0 <= bridge[1]
    grid["admissible"] = (grid["bridge_kind"] == "between") | ((grid["bridge_kind"] == "one") & one_ok) | (
        (grid["bridge_kind"] == "calibrated") & (bridge is None)
    )
    ok = grid[grid["admissible"]].groupby(["weights_of", "industry_split", "bridge_kind", "bridge"])["agrees"].all()
    verdict = "implausible" if not ok.any() else "consistent" if ok.all() else "conditional"
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
        months_done=plan.months_done,
        plan=plan,
        lang=lang,
    )


def _runs(runs: list[tuple[float, float]], lang: Lang) -> str:
    return ", ".join(span(r, 3, lang) for r in runs) if runs else ("không có" if lang == "vi" else "none")
