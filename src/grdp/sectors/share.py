"""The plan's structure target: does the year's share of industry + construction + services follow?

Row 3 of the plan prints the share of industry + construction + services in
GRDP: 81,2 % after 9 months, 83,0 % targeted for the year. 83,0 = 55,8 + 27,2 is
the merged province's published 2025 structure (current prices, taxes in the
denominator). What can be concluded from the sector targets:

* volume growth moves a share only at constant relative prices; current-price
  shares also move with relative prices. A relative price change common to the
  9 months and the year cancels (the share is carried back with 9-month growth
  and forward with annual growth);
* a 9-month share is not the year's starting point: the year adds Q4, whose
  structure differs (agriculture weighs more in Q4). That *seasonal gap* — the
  year's share minus the 9 months' in the same year — was -0,66 to -0,51 points
  nationally in 2016-2019 (:func:`grdp.sectors.structure.national_seasonal_gaps`);
* the two printed shares must be on one basis. 83,0 has taxes in the
  denominator; were 81,2 a share of value added (taxes out), on 83,0's basis it
  would be lower still.

:func:`check_share_target` computes the year's share the sector targets imply
from the 9-month share (:func:`grdp.sectors.structure.year_share_from_done`) over every
admissible industry split, value added/output bridge and seasonal gap, and the
seasonal gap that would give the target.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from grdp.core.periods import Interval, required_growth
from grdp.core.results import Result
from grdp.core.typing import Lang
from grdp.core.wording import num, period_names, phrase, signed, span
from grdp.io.plan import Plan
from grdp.sectors.decomposition import implied_growth
from grdp.sectors.keys import group_share, split_structure
from grdp.sectors.quarter_weight import national_fallback, q4_weight
from grdp.sectors.share_path import national_seasonal_gaps, previous_structure, year_share_by_gap
from grdp.sectors.structure import BaseStructure, default_split, merged_structure, seasonal_gap_range, split_range
from grdp.sectors.targets import (
    BRIDGE_STEPS,
    PLAN_SECTORS,
    admissible_bridges,
    calibrated_range,
    plan_sector_growth,
    require_figures,
    sector_growth,
    split_grid,
)

__all__ = ["SHARE_KEY", "ShareTargetCheck", "check_share_target", "implied_year_share", "share_grid"]

SHARE_KEY = "share_industry_construction_services"
"""The plan row of the share of industry + construction + services in GRDP (row 3)."""


@dataclass(frozen=True)
class ShareTargetCheck(Result):
    """Whether the year's share of industry + construction + services follows from the 9 months and the sector targets.

    Attributes
    ----------
    done, target : Interval
        The printed 9-month share and annual target, as rounding intervals.
    published : float
        The group's share in the base structure (55,8 + 27,2 = 83,0).
    implied : Interval
        The annual share the sector targets imply from the 9-month share, over
        every admissible split, bridge and seasonal gap.
    needed_gap : Interval
        The seasonal gap (annual minus 9-month share, points) that would give the
        target exactly, over splits and bridges.
    seasonal_gap : (float, float)
        The admissible seasonal gap.
    national_gaps : pandas.Series
        The national evidence (:func:`grdp.sectors.structure.national_seasonal_gaps`).
    rise_in_year : Interval
        How much the sector targets raise the annual share on the previous year
        at constant relative prices (from the base structure back-cast).
    taxes_share_done : float
        Taxes' share assumed for the 9 months (%).
    bridge : Interval
        The value added/output bridges admitted.
    split_range : (float, float)
        The industry splits admitted.
    verdict : str
        ``consistent``, ``implausible`` (the target follows under no admissible
        assumption — shares obey no identity, so this is a plausibility
        judgement, not a contradiction) or ``conditional`` (agrees under some
        assumptions only).
    growth_only : float
        The annual share at the default split, a bridge of 1 and no seasonal gap:
        what the sector targets alone do to the 9-month share.
    rest_weights : (float, float)
        Q4's previous-year weight in GRDP: the province's
        (:func:`grdp.sectors.quarter_weight.q4_weight`) and the nation's latest.
    rest_share_needed : (float, float)
        The share Q4 alone would need, at each of ``rest_weights``, for the year to
        reach the target: ``(T - (1 - w) D) / w`` (quarter shares average to the
        year's with the quarters' GRDP weights).
    structure : BaseStructure
    months_done : int
    """

    done: Interval
    target: Interval
    published: float
    implied: Interval
    needed_gap: Interval
    seasonal_gap: tuple[float, float]
    national_gaps: pd.Series
    rise_in_year: Interval
    taxes_share_done: float
    bridge: Interval
    split_range: tuple[float, float]
    verdict: str
    growth_only: float
    rest_weights: tuple[float, float]
    rest_share_needed: tuple[float, float]
    structure: BaseStructure = field(repr=False)
    months_done: int
    plan: Plan = field(repr=False, compare=False)
    lang: Lang = "vi"

    @property
    def previous_year_needed(self) -> Interval:
        """Last year's annual share from which the sector targets lead to the target (constant relative prices)."""
        return Interval(self.target.mid - self.rise_in_year.high, self.target.mid - self.rise_in_year.low)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            {"low": [self.done.low, self.target.low, self.implied.low, self.needed_gap.low],
             "high": [self.done.high, self.target.high, self.implied.high, self.needed_gap.high]},
            index=["done", "target", "implied_year", "needed_seasonal_gap"],
        )

    def _needed(self, lang: Lang) -> str:
        return " – ".join(dict.fromkeys(signed(x, 1, lang) for x in self.needed_gap))

    _table_index = True

    def summary(self, *, lang: Lang | None = None) -> str:
        """What Q4 would have to be, what growth can and cannot do, and what to clarify.

        It leads with the plain arithmetic of shares (the year's share is the
        quarters' shares averaged with their GRDP weights), then says how little
        the sector targets move the share and what seasonal gap the target needs.
        """
        lang = self.language(lang)
        done, rest = period_names(self.months_done, lang)
        nat = self.national_gaps
        nat_iv = (float(nat.min()), float(nat.max()))
        years = f"{nat.index.min()}–{nat.index.max()}"
        sh = self.structure.shares
        parts = " + ".join(num(float(sh[k]), 1, lang) for k in sh.index if k not in {"agriculture", "taxes"})
        same = abs(self.published - self.target.mid) < 0.05
        gva_basis = self.done.mid * (1 - self.taxes_share_done / 100)
        need = self._needed(lang)
        T, D, period = num(self.target.mid, 1, lang), num(self.done.mid, 1, lang), self.structure.period
        (w_plan, w_nat), (q_plan, q_nat) = self.rest_weights, self.rest_share_needed
        move = signed(self.growth_only - self.done.mid, 2, lang)
        assumptions = phrase(
            lang,
            f"giá tương đối không đổi; tỷ trọng công nghiệp trong CN-XD {span(self.split_range, 2, lang)}; tốc độ tăng "
            f"GTTT bằng {span(self.bridge, 3, lang)} lần tốc độ tăng GTSX; thuế {num(self.taxes_share_done, 1, lang)} % "
            f"GRDP {done}; chênh lệch mùa vụ {span(self.seasonal_gap, 1, lang)} điểm phần trăm",
            f"constant relative prices; industry split {span(self.split_range, 2, lang)}; value added growing "
            f"{span(self.bridge, 3, lang)} times as fast as output; taxes {num(self.taxes_share_done, 1, lang)} % of GRDP "
            f"in the {done}; seasonal gap {span(self.seasonal_gap, 1, lang)} points",
        )
        if lang == "vi":
            pub = (f"{T} % đúng bằng cơ cấu ước tính năm {period} ({parts}, giá hiện hành)"
                   if same else f"Cơ cấu ước tính năm {period} là {num(self.published, 1, lang)} % ({parts})")
            return (
                f"Để tỷ trọng cả năm đạt {T} % từ {D} % của {done}, riêng {rest} phải đạt khoảng {num(q_plan, 1, lang)} % "
                f"(với tỷ trọng {rest} của tỉnh trong GRDP năm trước, {num(w_plan, 3, lang)}; "
                f"{num(q_nat, 1, lang)} % với {num(w_nat, 3, lang)} của cả nước năm gần nhất), cao hơn {done} "
                f"{num(q_plan - self.done.mid, 1, lang)} điểm phần trăm. Tăng trưởng theo mục tiêu các ngành chỉ làm tỷ trọng cả năm "
                f"thay đổi {move} điểm (tới {num(self.growth_only, 2, lang)} %); phần còn lại phải do cơ cấu mùa vụ — "
                f"chênh lệch cả năm so với {done} phải là {need} điểm phần trăm, trong khi với nông nghiệp khoảng "
                f"{num(float(sh['agriculture']), 0, lang)} % GRDP và vụ mùa thu hoạch trong {rest}, mức hợp lý nằm trong "
                f"{span(self.seasonal_gap, 1, lang)} điểm. Với mọi giả định chấp nhận được ({assumptions}), tỷ trọng cả năm "
                f"là {span(self.implied, 1, lang)} %. {pub}; cần làm rõ {D} % tính theo giá nào và {T} % lấy từ ước tính nào "
                f"(nếu {D} % không tính thuế thì trên cùng gốc với {T} % nó chỉ là {num(gva_basis, 1, lang)} %). "
                f"Chênh lệch giữa tỷ trọng công bố cả năm và {done} của cả nước {years}: {span(nat_iv, 2, lang)} điểm."
            )
        pub = (f"{T} % is exactly the {period} structure estimate ({parts}, current prices)"
               if same else f"The {period} structure estimate is {num(self.published, 1, lang)} % ({parts})")
        return (
            f"For the year's share to reach {T} % from {D} % in the {done}, {rest} alone would need about "
            f"{num(q_plan, 1, lang)} % (at the province's previous-year {rest} weight, {num(w_plan, 3, lang)}; "
            f"{num(q_nat, 1, lang)} % at the nation's latest {num(w_nat, 3, lang)}), {num(q_plan - self.done.mid, 1, lang)} points "
            f"above the {done}. Growth at the sector targets moves the year's share by only {move} points (to "
            f"{num(self.growth_only, 2, lang)} %); the rest would have to come from the seasonal pattern — the year's share "
            f"would need to exceed the {done}' by {need} points, while with agriculture at about "
            f"{num(float(sh['agriculture']), 0, lang)} % of GRDP and the main rice harvest in {rest}, a plausible gap lies in "
            f"{span(self.seasonal_gap, 1, lang)} points. Under every admissible assumption ({assumptions}) the year's share "
            f"is {span(self.implied, 1, lang)} %. {pub}; it needs clarifying on which price basis {D} % is and which "
            f"estimate {T} % comes from (were {D} % a share of value added, on {T} %'s basis it would be "
            f"{num(gva_basis, 1, lang)} %). National difference between the published annual and {self.months_done}-month shares, {years}: "
            f"{span(nat_iv, 2, lang)} points."
        )

    def warning(self, *, lang: Lang | None = None) -> str:
        """The seasonal gap the target needs; empty unless the verdict is ``conditional``."""
        lang = self.language(lang)
        if self.verdict != "conditional":
            return ""
        need = self._needed(lang)
        return (f"Chỉ khớp khi chênh lệch mùa vụ khoảng {need} điểm phần trăm." if lang == "vi"
                else f"Agrees only with a seasonal gap of about {need} points.")


def check_share_target(
    plan: Plan,
    *,
    structure: BaseStructure | None = None,
    industry_split: tuple[float, float] | None = None,
    bridge: tuple[float, float] | None = None,
    seasonal_gap: tuple[float, float] | None = None,
    taxes_share_done: float | None = None,
    lang: Lang = "vi",
) -> ShareTargetCheck:
    """Does the plan's annual share target follow from its 9-month share and sector targets?

    The 9-month share (81,2 %) is split over industry, construction and services
    in the base structure's proportions; agriculture and taxes share the rest,
    taxes at ``taxes_share_done`` (default: the base structure's, 5,1 %). Then
    :func:`grdp.sectors.structure.year_share_from_done` with value added growth
    ``bridge × output growth`` and taxes like value added.

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
    bridge : (float, float), optional
        Default: the calibrated bridge's range
        (:func:`grdp.sectors.targets.calibrated_range`) to 1.
    seasonal_gap : (float, float), optional
        Admissible annual-minus-9-month group share, points; default
        :func:`grdp.sectors.structure.seasonal_gap_range`.
    taxes_share_done : float, optional
        Taxes' share of the 9 months' GRDP, %.

    Notes
    -----
    Assumes both printed shares are on the base structure's basis (current
    prices, taxes in the denominator) and constant relative prices between 2024
    and 2025 — or a relative price change common to the 9 months and the year,
    which cancels. The implied share increases with the 9-month share, the
    seasonal gap, the year's growth of industry, construction and services and
    the 9 months' growth of agriculture, and decreases with the others; the
    interval's ends take each figure's rounding interval at the matching end
    (the sector growth figures' rounding moves it by about 0,02 point).

    Examples
    --------
    >>> from grdp import load_plan
    >>> s = check_share_target(load_plan())
    >>> s.verdict, [round(x, 1) for x in s.implied], [round(x, 1) for x in s.needed_gap]
    ('implausible', [80.2, 82.3], [1.8, 1.8])
    """
    structure = merged_structure(plan.year) if structure is None else structure
    industry_split = split_range() if industry_split is None else industry_split
    seasonal_gap = seasonal_gap_range() if seasonal_gap is None else seasonal_gap
    row = plan.require(SHARE_KEY)
    done, target = row.interval("done"), row.interval("year")
    table = plan_sector_growth(plan)
    require_figures(table, list(PLAN_SECTORS), ("done", "year"))
    shares = structure.shares
    t_done = _taxes_share(shares, taxes_share_done)
    if bridge is None:
        bridge = admissible_bridges(calibrated_range(plan, structure=structure, industry_split=industry_split))
    splits = split_grid(industry_split)[:, None, None]
    bridges = np.linspace(bridge[0], bridge[1], BRIDGE_STEPS)[None, :, None]
    gy = sector_growth(table, "year")
    group_published = structure.group_share()

    growth_at = {corner: _growth_at(table, corner) for corner in (None, "low", "high")}  # read once, not per call

    def implied(d: Any, gap: Any, corner: str | None = None) -> np.ndarray:
        return _year_share(shares, t_done, d, splits, bridges, gap, *growth_at[corner])

    low = implied(done.low, seasonal_gap[0], "low")
    high = implied(done.high, seasonal_gap[1], "high")
    # the gap that gives the target's middle exactly: bisection (the share rises with the gap); what does not
    # depend on the gap (last year's 9-month structure) is computed once, not in each of the 50 steps
    g_lo, g_hi = np.full(low.shape, -20.0), np.full(low.shape, 20.0)
    mid_done = (done.low + done.high) / 2
    share_at_gap = _year_share_by_gap(shares, t_done, mid_done, splits, bridges, *growth_at[None])
    for _ in range(50):
        g_mid = (g_lo + g_hi) / 2
        below = share_at_gap(g_mid) < target.mid
        g_lo, g_hi = np.where(below, g_mid, g_lo), np.where(below, g_hi, g_mid)
    needed = (g_lo + g_hi) / 2
    imp = Interval(float(low.min()), float(high.max()))
    verdict = (
        "implausible" if not imp.overlaps(target)
        else "consistent" if target.low <= imp.low and imp.high <= target.high
        else "conditional"
    )
    # the rise the sector targets give the annual share on last year (constant relative prices)
    base = split_structure(shares.to_dict(), industry_split=splits)
    prev = previous_structure(base, {**{k: bridges * v for k, v in gy.items()},
                                     "taxes": implied_growth(gy, base, bridge=bridges, weights_of="current")})
    rise = group_published - np.asarray(group_share(prev))
    rest_weights = (q4_weight(plan).value, national_fallback())
    return ShareTargetCheck(
        growth_only=float(implied_year_share(plan, structure=structure, taxes_share_done=taxes_share_done)),
        rest_weights=rest_weights,
        rest_share_needed=tuple(float(required_growth(done.mid, target.mid, rest_weight=w)) for w in rest_weights),  # type: ignore[arg-type]
        done=done,
        target=target,
        published=group_published,
        implied=imp,
        needed_gap=Interval(float(needed.min()), float(needed.max())),
        seasonal_gap=(float(seasonal_gap[0]), float(seasonal_gap[1])),
        national_gaps=national_seasonal_gaps(),
        rise_in_year=Interval(float(rise.min()), float(rise.max())),
        taxes_share_done=t_done,
        bridge=Interval(float(bridge[0]), float(bridge[1])),
        split_range=(float(industry_split[0]), float(industry_split[1])),
        verdict=verdict,
        structure=structure,
        months_done=plan.months_done,
        plan=plan,
        lang=lang,
    )


def _taxes_share(shares: pd.Series, taxes_share_done: float | None) -> float:
    """Taxes' share of the 9 months' GRDP: as given, or the base structure's."""
    return float(shares.get("taxes", 0.0)) if taxes_share_done is None else float(taxes_share_done)


def _growth_at(table: pd.DataFrame, corner: str | None) -> tuple[dict[str, float], dict[str, float]]:
    """Sector output growth (9 months, year): as printed (``None``), or at the ends of their rounding
    intervals giving the lowest (``"low"``) or highest (``"high"``) annual share."""
    g9, gy = sector_growth(table, "done"), sector_growth(table, "year")
    if corner is not None:
        up, down = ("high", "low") if corner == "high" else ("low", "high")
        done_ends = {end: sector_growth(table, f"done_{end}") for end in (up, down)}
        year_ends = {end: sector_growth(table, f"year_{end}") for end in (up, down)}
        g9 = {k: done_ends[up if k == "agriculture" else down][k] for k in g9}
        gy = {k: year_ends[down if k == "agriculture" else up][k] for k in gy}
    return g9, gy


def _year_share(shares: pd.Series, t_done: float, done_share: Any, split: Any, bridge: Any, gap: Any,
                done_growth: Mapping[str, float], year_growth: Mapping[str, Any]) -> np.ndarray:
    """The year's group share from the 9-month share and sector output growth (all arguments broadcast)."""
    return np.asarray(_year_share_by_gap(shares, t_done, done_share, split, bridge, done_growth, year_growth)(gap))


def _year_share_by_gap(shares: pd.Series, t_done: float, done_share: Any, split: Any, bridge: Any,
                       done_growth: Mapping[str, float], year_growth: Mapping[str, Any]) -> Callable[[Any], Any]:
    """:func:`_year_share` as a function of the seasonal gap (:func:`grdp.sectors.share_path.year_share_by_gap`)."""
    ic, sv = shares["industry_construction"], shares["services"]
    d = np.asarray(done_share, dtype="float64")
    done_structure = split_structure(
        {"agriculture": 100 - d - t_done, "industry_construction": d * ic / (ic + sv), "services": d * sv / (ic + sv),
         "taxes": t_done},
        industry_split=split,
    )
    b = np.asarray(bridge, dtype="float64")
    return year_share_by_gap(
        done_structure,
        {k: b * v for k, v in done_growth.items()},
        {k: b * v for k, v in year_growth.items()},
    )


def implied_year_share(
    plan: Plan,
    *,
    industry_split: Any = None,
    bridge: Any = 1.0,
    seasonal_gap: Any = 0.0,
    done_share: Any = None,
    structure: BaseStructure | None = None,
    taxes_share_done: float | None = None,
    done_growth: Mapping[str, Any] | None = None,
    year_growth: Mapping[str, Any] | None = None,
) -> Any:
    """The year's share of industry + construction + services implied by the 9-month share and sector growth.

    Vectorised: ``industry_split``, ``bridge``, ``seasonal_gap``, ``done_share``
    and the values of ``done_growth`` and ``year_growth`` broadcast together.

    Parameters
    ----------
    plan : Plan
        From :func:`grdp.load_plan`: what is not given below is read from it.
    done_share : float or array, optional
        The 9-month share, %; default: the plan's printed one (row 3).
    done_growth, year_growth : mapping, optional
        Each plan sector's output growth in the 9 months and in the year, % (a
        scenario's year, say). Default: the plan's printed figures (rows 2.1-2.4).

    Examples
    --------
    >>> from grdp import load_plan
    >>> import numpy as np
    >>> implied_year_share(load_plan(), seasonal_gap=np.array([-0.6, 0.0, 1.0])).round(2)
    array([80.7 , 81.27, 82.23])

    A year growing like its 9 months, sector by sector, keeps the 9-month share
    (with no seasonal gap):

    >>> round(implied_year_share(load_plan(), year_growth={"agriculture": 2.6, "industry": 10.5,
    ...                                                    "construction": 8.5, "services": 7.9}), 6)
    81.2
    """
    structure = merged_structure(plan.year) if structure is None else structure
    industry_split = default_split() if industry_split is None else industry_split
    if done_growth is None or year_growth is None:
        table = plan_sector_growth(plan)
        require_figures(table, list(PLAN_SECTORS), tuple(p for p, g in (("done", done_growth), ("year", year_growth)) if g is None))
        done_growth = sector_growth(table, "done") if done_growth is None else done_growth
        year_growth = sector_growth(table, "year") if year_growth is None else year_growth
    if done_share is None:
        done_share = plan.require(SHARE_KEY).interval("done").mid
    shares = structure.shares
    out = _year_share(shares, _taxes_share(shares, taxes_share_done), done_share, industry_split, bridge, seasonal_gap,
                      done_growth, year_growth)
    return float(out) if out.ndim == 0 else out


def share_grid(
    plan: Plan,
    *,
    industry_split: Any = None,
    bridge: Any = None,
    seasonal_gap: float = 0.0,
    structure: BaseStructure | None = None,
) -> pd.DataFrame:
    """:func:`implied_year_share` over splits (rows) and bridges (columns), at one seasonal gap.

    Default splits: the ends of the admissible range and the default split;
    default bridges: the ends of the admissible range
    (:func:`grdp.sectors.targets.admissible_bridges`) and their middle.

    >>> from grdp import load_plan
    >>> share_grid(load_plan(), industry_split=[0.82], bridge=[1.0]).round(2).to_numpy().tolist()
    [[81.27]]
    """
    if industry_split is None:
        lo, hi = split_range()
        industry_split = np.unique([lo, default_split(), hi])
    if bridge is None:
        b_range = admissible_bridges(calibrated_range(plan, structure=structure))
        bridge = np.round([b_range.low, b_range.mid, b_range.high], 3)
    a = np.asarray(industry_split, dtype="float64")
    b = np.asarray(bridge, dtype="float64")
    values = implied_year_share(plan, industry_split=a[:, None], bridge=b[None, :], seasonal_gap=seasonal_gap,
                                structure=structure)
    return pd.DataFrame(np.broadcast_to(values, (len(a), len(b))), index=pd.Index(a, name="industry_split"),
                        columns=pd.Index(b, name="bridge"))
