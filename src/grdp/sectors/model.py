"""The sector model: Q4 output growth of the plan's sectors → annual GRDP growth.

:class:`SectorModel` (built by :func:`sector_model`) turns Q4 gross output
growth of the four plan sectors (rows 2.1-2.4) into annual GRDP growth in two
steps, both exact identities under stated assumptions:

1. each sector's year from its 9 months and its Q4, through the period
   identity with the sector's own previous-year Q4 weight
   ``w4_i = (gY_i − g9M_i)/(g4_i − g9M_i)`` implied by the plan's three printed
   figures: ``gY_i = (1 − w4_i) g9M_i + w4_i g4_i``
   (:func:`grdp.core.periods.annual_growth`);
2. GRDP from the sectors through the decomposition
   (:func:`grdp.sectors.decomposition.implied_growth`): the merged province's
   structure (:func:`grdp.sectors.structure.merged_structure`, industry/construction
   split :func:`grdp.sectors.structure.default_split`), value added growing
   ``bridge`` times as fast as output with the bridge calibrated on the plan's
   own 9 months (:func:`grdp.sectors.decomposition.calibrate_bridge`), product
   taxes growing like value added.

A revision ``e`` of the published 9-month GRDP figure moves the year by
``(1 − w4) e`` with ``w4`` GRDP's own Q4 weight (implied by the middles of the
GRDP row's printed figures): the revision changes the 9 months only, the bridge
stays calibrated on the published figure.

At the plan's own Q4 targets the model gives each sector exactly its printed
annual target (for the 2025 plan: weights 0,286 / 0,323 / 0,337 / 0,313,
bridge 0,937, GRDP 10,37 %). Everything is vectorised: arrays of draws go in
(:mod:`grdp.sensitivity.montecarlo`), an array comes out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from grdp.core.labels import label
from grdp.core.periods import annual_growth, implied_weight
from grdp.core.results import Result
from grdp.core.typing import Lang, Period, WeightsOf
from grdp.core.validation import check_lang
from grdp.core.wording import num, period_names, phrase
from grdp.io.plan import GRDP_KEY, Plan, PlanRow
from grdp.sectors.decomposition import calibrate_bridge, implied_growth
from grdp.sectors.keys import sector_label
from grdp.sectors.structure import default_split, merged_structure
from grdp.sectors.targets import PLAN_SECTORS

__all__ = ["SectorModel", "sector_model"]


@dataclass(frozen=True)
class SectorModel(Result):
    """Q4 output growth by sector → annual GRDP growth (see the module notes).

    Attributes
    ----------
    done, q4_base, annual_target, q4_weights : dict
        Per sector: 9-month output growth, the plan's Q4 target, its annual
        target (%), and its previous-year Q4 weight implied by the three.
    weights : dict
        Shares of GRDP (fractions, taxes included) used as the previous year's.
    bridge : float
        Value added growth per point of output growth.
    grdp_done, grdp_q4_weight : float
        The 9-month GRDP figure and GRDP's implied Q4 weight.
    grdp_targets : tuple of float
        The ends of the annual GRDP target.
    industry_split : float
    weights_of : {"previous", "current"}
        How the structure is read (:func:`grdp.sectors.decomposition.implied_growth`).
    months_done : int
        The plan's part of the year done.
    plan : Plan
        The plan the model was built from.
    """

    done: dict[str, float]
    q4_base: dict[str, float]
    annual_target: dict[str, float]
    q4_weights: dict[str, float]
    weights: dict[str, float]
    bridge: float
    grdp_done: float
    grdp_q4_weight: float
    grdp_targets: tuple[float, ...]
    industry_split: float
    weights_of: WeightsOf
    months_done: int
    plan: Plan = field(repr=False, compare=False)
    lang: Lang = "vi"

    _table_index: ClassVar[bool] = True

    @property
    def sectors(self) -> tuple[str, ...]:
        return tuple(self.done)

    @property
    def revision_weight(self) -> float:
        """``1 − w4``: annual points per point of revision of the 9-month GRDP figure."""
        return 1 - self.grdp_q4_weight

    def complete_q4(self, q4: Mapping[str, Any]) -> dict[str, Any]:
        """Q4 growth for every sector: the given ones, the others at their plan Q4 target.

        Raises ``ValueError`` for a sector the model does not know.
        """
        unknown = [k for k in q4 if k not in self.done]
        if unknown:
            raise ValueError(f"sectors must be among: {', '.join(repr(s) for s in self.sectors)}; got {unknown!r}")
        return {s: (q4[s] if s in q4 else self.q4_base[s]) for s in self.sectors}

    def sector_annual(self, q4: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Annual output growth per sector; sectors not in ``q4`` at their plan Q4 target."""
        g4 = self.complete_q4(q4 or {})
        return {s: annual_growth(self.done[s], np.asarray(g4[s], dtype="float64") if np.ndim(g4[s]) else float(g4[s]),
                                 rest_weight=self.q4_weights[s]) for s in self.sectors}

    def annual_growth(self, q4: Mapping[str, Any] | None = None, *, revision: Any = 0.0) -> Any:
        """Annual GRDP growth, %: scalars in, a float out; arrays of draws in, an array out."""
        g = implied_growth(self.sector_annual(q4), self.weights, bridge=self.bridge, weights_of=self.weights_of)
        return g + self.revision_weight * (np.asarray(revision) if np.ndim(revision) else float(revision))

    def marginal_effects(self) -> pd.Series:
        """Points of annual GRDP per point of each sector's Q4 growth, at base (exact: the model is linear
        with previous-year weights)."""
        out = {s: (float(self.annual_growth({s: self.q4_base[s] + 1.0})) - float(self.annual_growth({s: self.q4_base[s] - 1.0}))) / 2
               for s in self.sectors}
        return pd.Series(out, name="grdp_points_per_q4_point", dtype="float64").rename_axis("sector")

    def to_frame(self) -> pd.DataFrame:
        """The model's parameters per sector: 9 months, Q4 target, year target, Q4 weight, GRDP weight,
        annual at base, and GRDP points per Q4 point."""
        return pd.DataFrame(
            {
                "done": self.done,
                "q4_base": self.q4_base,
                "annual_target": self.annual_target,
                "q4_weight": self.q4_weights,
                "grdp_weight": {s: self.weights[s] for s in self.sectors},
                "annual_at_base": {s: float(v) for s, v in self.sector_annual().items()},
                "grdp_points_per_q4_point": self.marginal_effects().to_dict(),
            }
        ).rename_axis("sector")

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        lang = self.language(lang)
        f = self.to_frame()
        done, rest = period_names(self.months_done, lang)
        return pd.DataFrame(
            {
                f"{done.capitalize()} (%)": f["done"].to_numpy(),
                phrase(lang, f"Mục tiêu {rest} (%)", f"{rest} target (%)"): f["q4_base"].to_numpy(),
                phrase(lang, "Mục tiêu năm (%)", "Annual target (%)"): f["annual_target"].to_numpy(),
                phrase(lang, f"Tỷ trọng {rest} năm trước", f"Previous-year {rest} weight"): f["q4_weight"].round(3).to_numpy(),
                phrase(lang, "Tỷ trọng trong GRDP", "Weight in GRDP"): f["grdp_weight"].round(3).to_numpy(),
                phrase(lang, f"Điểm GRDP / 1 điểm {rest}", f"GRDP points per {rest} point"): f["grdp_points_per_q4_point"].round(4).to_numpy(),
            },
            index=pd.Index([sector_label(s, lang) for s in f.index], name=label("sc_sector", lang)),
        )

    def summary(self, *, lang: Lang | None = None) -> str:
        lang = self.language(lang)
        base = float(self.annual_growth())
        done, rest = period_names(self.months_done, lang)
        return phrase(
            lang,
            f"Mô hình ngành: GRDP cả năm {num(base, 2, lang)} % khi các ngành đạt mục tiêu {rest}; hệ số GTTT/GTSX "
            f"{num(self.bridge, 3, lang)} (hiệu chỉnh theo {done}), tỷ trọng công nghiệp trong CN-XD "
            f"{num(self.industry_split, 2, lang)}, tỷ trọng {rest} của GRDP {num(self.grdp_q4_weight, 3, lang)} "
            f"(1 điểm điều chỉnh số {done} = {num(self.revision_weight, 3, lang)} điểm cả năm).",
            f"Sector model: annual GRDP {num(base, 2, lang)} % with every sector at its {rest} target; value added/output "
            f"bridge {num(self.bridge, 3, lang)} (calibrated on the {done}), industry split "
            f"{num(self.industry_split, 2, lang)}, GRDP {rest} weight {num(self.grdp_q4_weight, 3, lang)} "
            f"(1 point of {done} revision = {num(self.revision_weight, 3, lang)} annual points).",
        )


def sector_model(
    plan: Plan,
    *,
    industry_split: float | None = None,
    bridge: float | None = None,
    weights_of: WeightsOf = "previous",
    lang: Lang = "vi",
) -> SectorModel:
    """Build the :class:`SectorModel` from a plan and the merged province's structure.

    Parameters
    ----------
    plan : Plan
        :func:`grdp.load_plan`. Needs the four sector rows (2.1-2.4 of the 2025
        plan) and the GRDP row with their figures for the part done, the rest and the year.
    industry_split : float, optional
        Industry's share of industry + construction; default
        :func:`grdp.sectors.structure.default_split`.
    bridge : float, optional
        Value added/output bridge; default calibrated so that the 9-month sector
        output growth gives the 9-month GRDP figure.
    weights_of : {"previous", "current"}
    lang : {"vi", "en"}

    Examples
    --------
    >>> from grdp import load_plan
    >>> m = sector_model(load_plan())
    >>> {s: round(w, 3) for s, w in m.q4_weights.items()}
    {'agriculture': 0.286, 'industry': 0.323, 'construction': 0.337, 'services': 0.313}
    >>> round(m.bridge, 4), round(float(m.annual_growth()), 3)
    (0.9366, 10.372)
    """
    lang = check_lang(lang)
    rows = {}
    for key in (*PLAN_SECTORS.values(), GRDP_KEY):
        found = plan.row(key)
        if found is None:
            raise ValueError(f"the plan has no row {key!r}: the sector model needs the four sector rows and the GRDP row")
        rows[key] = found

    def mid(row: PlanRow, period: Period) -> float:
        v = row.value(period)
        if v.is_missing or v.low is None:
            raise ValueError(f"row {row.stt} has no {period} figure: the sector model needs it")
        return (v.low + (v.high if v.high is not None else v.low)) / 2

    done = {s: mid(rows[k], "done") for s, k in PLAN_SECTORS.items()}
    q4 = {s: mid(rows[k], "rest") for s, k in PLAN_SECTORS.items()}
    year = {s: mid(rows[k], "year") for s, k in PLAN_SECTORS.items()}
    w4 = {s: float(implied_weight(done[s], q4[s], year[s])) for s in PLAN_SECTORS}
    g_row = rows[GRDP_KEY]
    g_done, g_q4, g_year = mid(g_row, "done"), mid(g_row, "rest"), mid(g_row, "year")
    targets = tuple(sorted(g_row.ends("year")))
    split = default_split() if industry_split is None else float(industry_split)
    weights = {k: float(v) for k, v in merged_structure(plan.year).weights(industry_split=split).items()}
    b = float(calibrate_bridge(done, g_done, weights, weights_of=weights_of)) if bridge is None else float(bridge)
    return SectorModel(
        done=done,
        q4_base=q4,
        annual_target=year,
        q4_weights=w4,
        weights=weights,
        bridge=b,
        grdp_done=g_done,
        grdp_q4_weight=float(implied_weight(g_done, g_q4, g_year)),
        grdp_targets=targets,
        industry_split=split,
        weights_of=weights_of,
        months_done=plan.months_done,
        plan=plan,
        lang=lang,
    )
