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
  nationally in 2016-2019 (:func:`grdp.structure.national_seasonal_gaps`);
* the two printed shares must be on one basis. 83,0 has taxes in the
  denominator; were 81,2 a share of value added (taxes out), on 83,0's basis it
  would be lower still.

:func:`check_share_target` computes the year's share the sector targets imply
from the 9-month share (:func:`grdp.structure.year_share_from_done`) over every
admissible industry split, value added/output bridge and seasonal gap, and the
seasonal gap that would give the target.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .decomposition import implied_growth
from .labels import Lang, check_lang
from .periods import Interval
from .sector_targets import (
    BRIDGE_STEPS,
    PLAN_SECTORS,
    _growth,
    _interval,
    _iv,
    _n,
    _require,
    _row,
    _split_grid,
    calibrated_range,
    period_names,
    plan_sector_growth,
)
from .structure import (
    DEFAULT_INDUSTRY_SPLIT,
    INDUSTRY_SPLIT_RANGE,
    SEASONAL_GAP_RANGE,
    BaseStructure,
    group_share,
    merged_structure,
    national_seasonal_gaps,
    previous_structure,
    split_structure,
    year_share_from_done,
)

__all__ = ["SHARE_KEY", "ShareTargetCheck", "check_share_target", "implied_year_share", "share_grid"]

SHARE_KEY = "share_industry_construction_services"


@dataclass(frozen=True)
class ShareTargetCheck:
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
        The national evidence (:func:`grdp.structure.national_seasonal_gaps`).
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
        ``consistent``, ``inconsistent`` or ``conditional`` (agrees under some
        assumptions only).
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
    structure: BaseStructure = field(repr=False, default_factory=merged_structure)
    months_done: int = 9

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

    def summary(self, *, lang: Lang = "vi") -> str:
        return _share_detail(self, check_lang(lang))[0]

    def _repr_html_(self) -> str:
        return f"<p>{self.summary()}</p>" + self.to_frame().to_html()


def check_share_target(
    plan: pd.DataFrame,
    *,
    structure: BaseStructure | None = None,
    industry_split: tuple[float, float] = INDUSTRY_SPLIT_RANGE,
    bridge: tuple[float, float] | None = None,
    seasonal_gap: tuple[float, float] = SEASONAL_GAP_RANGE,
    taxes_share_done: float | None = None,
) -> ShareTargetCheck:
    """Does the plan's annual share target follow from its 9-month share and sector targets?

    The 9-month share (81,2 %) is split over industry, construction and services
    in the base structure's proportions; agriculture and taxes share the rest,
    taxes at ``taxes_share_done`` (default: the base structure's, 5,1 %). Then
    :func:`grdp.structure.year_share_from_done` with value added growth
    ``bridge × output growth`` and taxes like value added.

    Parameters
    ----------
    plan : pandas.DataFrame
        From :func:`grdp.load_plan`.
    structure : BaseStructure, optional
        Default: :func:`grdp.structure.merged_structure`.
    industry_split : (float, float)
        Admissible industry share of industry + construction.
    bridge : (float, float), optional
        Default: the calibrated bridge's range
        (:func:`grdp.sector_targets.calibrated_range`) to 1.
    seasonal_gap : (float, float)
        Admissible annual-minus-9-month group share, points.
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
    ('inconsistent', [80.2, 82.3], [1.8, 1.8])
    """
    structure = merged_structure() if structure is None else structure
    row = _row(plan, SHARE_KEY)
    done, target = _interval(row, "done"), _interval(row, "year")
    table = plan_sector_growth(plan)
    _require(table, list(PLAN_SECTORS), ("done", "year"))
    shares = structure.shares
    t_done = float(shares.get("taxes", 0.0)) if taxes_share_done is None else float(taxes_share_done)
    if bridge is None:
        cal = calibrated_range(plan, structure=structure, industry_split=industry_split)
        bridge = (min(cal.low, 1.0), max(cal.high, 1.0))
    splits = _split_grid(industry_split, DEFAULT_INDUSTRY_SPLIT)[:, None, None]
    bridges = np.linspace(bridge[0], bridge[1], BRIDGE_STEPS)[None, :, None]
    gy = _growth(table, "year")
    group_published = float(shares.get("industry_construction", 0.0) + shares.get("services", 0.0))

    def implied(d: Any, gap: Any, corner: str | None = None) -> np.ndarray:
        return _year_share(table, shares, t_done, d, splits, bridges, gap, corner=corner)

    low = implied(done.low, seasonal_gap[0], "low")
    high = implied(done.high, seasonal_gap[1], "high")
    # the gap that gives the target's middle exactly: bisection (the share rises with the gap)
    g_lo, g_hi = np.full(low.shape, -20.0), np.full(low.shape, 20.0)
    mid_done = (done.low + done.high) / 2
    for _ in range(50):
        g_mid = (g_lo + g_hi) / 2
        below = implied(mid_done, g_mid) < target.mid
        g_lo, g_hi = np.where(below, g_mid, g_lo), np.where(below, g_hi, g_mid)
    needed = (g_lo + g_hi) / 2
    imp = Interval(float(low.min()), float(high.max()))
    verdict = (
        "inconsistent" if not imp.overlaps(target)
        else "consistent" if target.low <= imp.low and imp.high <= target.high
        else "conditional"
    )
    # the rise the sector targets give the annual share on last year (constant relative prices)
    base = split_structure(shares.to_dict(), industry_split=splits)
    prev = previous_structure(base, {**{k: bridges * v for k, v in gy.items()},
                                     "taxes": implied_growth(gy, base, bridge=bridges, weights_of="current")})
    rise = group_published - np.asarray(group_share(prev))
    return ShareTargetCheck(
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
        months_done=int(plan.attrs.get("months_done", 9)),
    )



def _year_share(table: pd.DataFrame, shares: pd.Series, t_done: float, done_share: Any, split: Any, bridge: Any,
                gap: Any, *, corner: str | None = None) -> np.ndarray:
    """The year's group share from the 9-month share (all arguments broadcast).

    ``corner``: the printed growth figures (None) or the ends of their rounding
    intervals giving the lowest (``"low"``) or highest (``"high"``) share.
    """
    ic, sv = shares["industry_construction"], shares["services"]
    d = np.asarray(done_share, dtype="float64")
    done_structure = split_structure(
        {"agriculture": 100 - d - t_done, "industry_construction": d * ic / (ic + sv), "services": d * sv / (ic + sv),
         "taxes": t_done},
        industry_split=split,
    )
    b = np.asarray(bridge, dtype="float64")
    g9, gy = _growth(table, "done"), _growth(table, "year")
    if corner is not None:
        up, down = ("high", "low") if corner == "high" else ("low", "high")
        g9 = {k: float(table.loc[k, f"done_{up if k == 'agriculture' else down}"]) for k in g9}
        gy = {k: float(table.loc[k, f"year_{down if k == 'agriculture' else up}"]) for k in gy}
    return np.asarray(year_share_from_done(
        done_structure,
        {k: b * v for k, v in g9.items()},
        {k: b * v for k, v in gy.items()},
        seasonal_gap=gap,
    ))


def implied_year_share(
    plan: pd.DataFrame,
    *,
    industry_split: Any = DEFAULT_INDUSTRY_SPLIT,
    bridge: Any = 1.0,
    seasonal_gap: Any = 0.0,
    done_share: Any = None,
    structure: BaseStructure | None = None,
    taxes_share_done: float | None = None,
) -> Any:
    """The year's share of industry + construction + services implied by the 9-month share and sector targets.

    Vectorised: ``industry_split``, ``bridge``, ``seasonal_gap`` and
    ``done_share`` (default: the plan's printed 9-month share) broadcast together.

    >>> from grdp import load_plan
    >>> import numpy as np
    >>> implied_year_share(load_plan(), seasonal_gap=np.array([-0.6, 0.0, 1.0])).round(2)
    array([80.7 , 81.27, 82.23])
    """
    structure = merged_structure() if structure is None else structure
    table = plan_sector_growth(plan)
    _require(table, list(PLAN_SECTORS), ("done", "year"))
    if done_share is None:
        row = _row(plan, SHARE_KEY)
        done_share = _interval(row, "done").mid
    shares = structure.shares
    t_done = float(shares.get("taxes", 0.0)) if taxes_share_done is None else float(taxes_share_done)
    out = _year_share(table, shares, t_done, done_share, industry_split, bridge, seasonal_gap)
    return float(out) if out.ndim == 0 else out


def share_grid(
    plan: pd.DataFrame,
    *,
    industry_split: Any = (0.68, 0.82, 0.92),
    bridge: Any = (0.92, 0.94, 1.0),
    seasonal_gap: float = 0.0,
    structure: BaseStructure | None = None,
) -> pd.DataFrame:
    """:func:`implied_year_share` over splits (rows) and bridges (columns), at one seasonal gap.

    >>> from grdp import load_plan
    >>> share_grid(load_plan(), industry_split=[0.82], bridge=[1.0]).round(2).to_numpy().tolist()
    [[81.27]]
    """
    a = np.asarray(industry_split, dtype="float64")
    b = np.asarray(bridge, dtype="float64")
    values = implied_year_share(plan, industry_split=a[:, None], bridge=b[None, :], seasonal_gap=seasonal_gap,
                                structure=structure)
    return pd.DataFrame(np.broadcast_to(values, (len(a), len(b))), index=pd.Index(a, name="industry_split"),
                        columns=pd.Index(b, name="bridge"))


# --------------------------------------------------------------------------- wording


def _signed(x: float, lang: Lang, p: int = 1) -> str:
    return ("+" if x > 0 else "") + _n(x, lang, p)


def _share_detail(c: ShareTargetCheck, lang: Lang) -> tuple[str, str]:
    """(detail, warning) of the share finding."""
    vi = lang == "vi"
    done, _ = period_names(c.months_done, lang)
    nat = c.national_gaps
    nat_iv = (float(nat.min()), float(nat.max()))
    years = f"{nat.index.min()}–{nat.index.max()}"
    sh = c.structure.shares
    parts = " + ".join(_n(float(sh[k]), lang) for k in sh.index if k != "agriculture" and k != "taxes")
    same = abs(c.published - c.target.mid) < 0.05
    gva_basis = c.done.mid * (1 - c.taxes_share_done / 100)
    need = " – ".join(dict.fromkeys(_signed(x, lang) for x in c.needed_gap))
    T, D = _n(c.target.mid, lang), _n(c.done.mid, lang)
    if vi:
        pub = (f"{T} % đúng bằng cơ cấu ước tính năm {c.structure.period} ({parts}, giá hiện hành, thuế trong mẫu số)"
               if same else f"Cơ cấu ước tính năm {c.structure.period} là {_n(c.published, lang)} % ({parts})")
        text = (
            f"{pub}. Từ {D} % của {done}, mục tiêu tăng trưởng ngành đưa tỷ trọng cả năm tới {_iv(c.implied, lang)} % "
            f"(giá tương đối không đổi; tỷ trọng công nghiệp trong CN-XD {_iv(c.split_range, lang, 2)}; hệ số GTTT/GTSX "
            f"{_iv(c.bridge, lang, 3)}; thuế {_n(c.taxes_share_done, lang)} % GRDP {done}; chênh lệch mùa vụ cả năm so với "
            f"{done} {_iv(c.seasonal_gap, lang)} điểm %, cả nước {years}: {_iv(nat_iv, lang, 2)}). Muốn đạt {T} % thì "
            f"chênh lệch đó phải là {need} điểm %. Nếu {D} % tính trên GTTT (không có thuế), trên gốc của {T} % nó là "
            f"{_n(gva_basis, lang)} %. Mục tiêu ngành nâng tỷ trọng cả năm so với năm trước {_iv(c.rise_in_year, lang)} "
            f"điểm %: {T} % năm nay cần năm trước khoảng {_iv(c.previous_year_needed, lang)} %."
        )
    else:
        pub = (f"{T} % is exactly the {c.structure.period} structure estimate ({parts}, current prices, taxes in the "
               "denominator)" if same else f"The {c.structure.period} structure estimate is {_n(c.published, lang)} % ({parts})")
        text = (
            f"{pub}. From {D} % at {done}, the sector targets take the year's share to {_iv(c.implied, lang)} % "
            f"(constant relative prices; industry split {_iv(c.split_range, lang, 2)}; value added/output bridge "
            f"{_iv(c.bridge, lang, 3)}; taxes {_n(c.taxes_share_done, lang)} % of GRDP in the {done}; annual minus "
            f"{done} seasonal gap {_iv(c.seasonal_gap, lang)} points, national {years}: {_iv(nat_iv, lang, 2)}). "
            f"Reaching {T} % needs a gap of {need} points. Read as a share of value added (taxes out), {D} % is "
            f"{_n(gva_basis, lang)} % on the basis of {T} %. The sector targets raise the annual share on the previous "
            f"year by {_iv(c.rise_in_year, lang)} points: {T} % this year needs about {_iv(c.previous_year_needed, lang)} % "
            "last year."
        )
    warn = ""
    if c.verdict == "conditional":
        warn = (f"Chỉ khớp khi chênh lệch mùa vụ khoảng {need} điểm %." if vi
                else f"Agrees only with a seasonal gap of about {need} points.")
    return text, warn
