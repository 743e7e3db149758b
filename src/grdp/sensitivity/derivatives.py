"""How the growth Q4 must deliver moves when the target, the 9-month figure or the Q4 weight moves.

The year splits into the part done (9 months) and the rest (Q4). With ``w`` the
rest's weight in the previous year (:mod:`grdp.core.periods`), the growth the rest
needs for the year to reach ``gY*`` is

    g4* = (gY* − (1 − w) g9M) / w = g9M + (gY* − g9M) / w.

Its partial derivatives are closed-form:

* ``∂g4*/∂gY* = 1 / w`` — one more point on the annual target costs ``1/w``
  points in Q4 (≈ 3,1 at w = 0,32);
* ``∂g4*/∂g9M = −(1 − w) / w`` — a 9-month figure revised down by 0,1 point
  asks ``0,1 (1 − w)/w`` more of Q4 (≈ 0,21 point at w = 0,32);
* ``∂g4*/∂w = −(gY* − g9M) / w²`` — a heavier Q4 needs less growth when the
  target is above the 9 months.

``g4*`` is linear in ``gY*`` and ``g9M``, so the first two derivatives give
exact changes; in ``w`` it is not, and :meth:`RequiredGrowthSensitivity.change`
returns both the exact and the linearised change. The tests check every
derivative against central finite differences.

:func:`required_growth_grid` tabulates ``g4*`` over weights × revisions of the
9-month figure × targets as a tidy table, for heatmaps and look-ups.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np
import pandas as pd

from grdp.core.labels import label
from grdp.core.periods import MONTHS_PER_YEAR, NINE_MONTHS, required_growth
from grdp.core.results import Result
from grdp.core.typing import Lang
from grdp.core.validation import check_lang
from grdp.core.wording import num, period_names, phrase, signed

__all__ = [
    "RequiredGrowthSensitivity",
    "required_growth_sensitivity",
    "RevisionEffect",
    "revision_effect",
    "RequiredGrowthGrid",
    "required_growth_grid",
    "DEFAULT_GRID_WEIGHTS",
    "DEFAULT_GRID_REVISIONS",
]

DEFAULT_GRID_WEIGHTS: tuple[float, ...] = tuple(np.round(np.arange(24, 41) / 100, 2).tolist())
"""Previous-year Q4 weights 0,24-0,40 by 0,01: equal quarters (0,25) to a heavy Q4."""
DEFAULT_GRID_REVISIONS: tuple[float, ...] = tuple(np.round(np.arange(-6, 7) * 0.05, 2).tolist())
"""Revisions of the 9-month figure −0,30 to +0,30 point by 0,05: national 9-month revisions
ran from −0,09 to +0,16 point between the first and the next release, 2013-2023
(:func:`grdp.io.vintages.revisions`); the grid is twice as wide."""


def _check_inputs(done: float, target: float, rest_weight: float, months_done: int) -> tuple[float, float, float]:
    d, t, w = float(done), float(target), float(rest_weight)
    if not all(np.isfinite([d, t, w])):
        raise ValueError("done, target and rest_weight must be finite numbers")
    if not 0 < w <= 1:
        raise ValueError("rest_weight must be in (0, 1]: the rest's share of the previous year")
    if not 0 < months_done < MONTHS_PER_YEAR:
        raise ValueError(f"months_done must be between 1 and {MONTHS_PER_YEAR - 1}")
    return d, t, w


# ---------------------------------------------------------------------------------------------
# derivatives


@dataclass(frozen=True)
class RequiredGrowthSensitivity(Result):
    """The growth the rest of the year needs and its three partial derivatives.

    Attributes
    ----------
    done, target, rest_weight : float
        9-month growth (%), annual target (%), previous-year Q4 weight.
    required : float
        ``g4* = (target − (1 − w) done) / w``, %.
    d_target : float
        ``∂g4*/∂gY* = 1/w`` (points of Q4 per point of annual target).
    d_done : float
        ``∂g4*/∂g9M = −(1 − w)/w`` (points of Q4 per point of 9-month growth).
    d_weight : float
        ``∂g4*/∂w = −(gY* − g9M)/w²`` (points of Q4 per unit of weight; per 0,01 of
        weight it is a hundredth of that).
    months_done : int
        Length of the part done, for the wording (9: "9 tháng" / "quý IV").
    lang : {"vi", "en"}
    """

    done: float
    target: float
    rest_weight: float
    required: float
    d_target: float
    d_done: float
    d_weight: float
    months_done: int = NINE_MONTHS
    lang: Lang = "vi"

    def change(self, *, done: float = 0.0, target: float = 0.0, weight: float = 0.0) -> tuple[float, float]:
        """Change of ``g4*`` when the inputs move by the given amounts: ``(exact, linearised)``.

        Examples
        --------
        >>> s = required_growth_sensitivity(8.01, 10.0, rest_weight=0.32)
        >>> exact, linear = s.change(done=-0.1)
        >>> round(exact, 6), round(linear, 6)
        (0.2125, 0.2125)
        """
        exact = float(required_growth(self.done + done, self.target + target, rest_weight=self.rest_weight + weight))
        linear = self.d_done * done + self.d_target * target + self.d_weight * weight
        return exact - self.required, float(linear)

    def to_frame(self) -> pd.DataFrame:
        """One row per input: ``input``, ``value``, ``derivative``, ``formula``, ``step``,
        ``effect_linear``, ``effect_exact`` (the change of ``g4*`` for the step:
        +0,1 point of target or 9-month growth, +0,01 of weight)."""
        rows = []
        for name, kw, value, deriv, formula, step in (
            ("target", "target", self.target, self.d_target, "1/w", 0.1),
            ("done", "done", self.done, self.d_done, "-(1-w)/w", 0.1),
            ("rest_weight", "weight", self.rest_weight, self.d_weight, "-(gY-g9M)/w^2", 0.01),
        ):
            exact, linear = self.change(**{kw: step})
            rows.append({"input": name, "value": value, "derivative": deriv, "formula": formula, "step": step,
                         "effect_linear": linear, "effect_exact": exact})
        return pd.DataFrame(rows)

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """:meth:`to_frame` with labelled columns and input names, numbers rounded for display."""
        lang = self.language(lang)
        f = self.to_frame()
        done_name, rest_name = period_names(self.months_done, lang)
        names = {
            "target": phrase(lang, "Mục tiêu năm (%)", "Annual target (%)"),
            "done": phrase(lang, f"Tăng trưởng {done_name} (%)", f"{done_name.capitalize()} growth (%)"),
            "rest_weight": phrase(lang, f"Tỷ trọng {rest_name} năm trước", f"Previous-year {rest_name} weight"),
        }
        return pd.DataFrame(
            {
                label("se_input", lang): f["input"].map(names),
                label("se_value", lang): f["value"].round(3),
                label("se_derivative", lang): f["derivative"].round(4),
                label("se_formula", lang): f["formula"],
                label("se_step", lang): f["step"],
                label("se_effect_linear", lang): f["effect_linear"].round(4),
                label("se_effect_exact", lang): f["effect_exact"].round(4),
            }
        )

    def summary(self, *, lang: Lang | None = None) -> str:
        """Three lines: what the rest needs and what one step of each input does to it."""
        lang = self.language(lang)
        done_name, rest_name = period_names(self.months_done, lang)
        w, r = num(self.rest_weight, 3, lang), num(self.required, 2, lang)
        heavier = signed(self.change(weight=0.01)[0], 2, lang)
        lines = [
            phrase(lang,
                   f"Để cả năm đạt {num(self.target, 2, lang)} % khi {done_name} tăng {num(self.done, 2, lang)} % "
                   f"(tỷ trọng {rest_name} năm trước {w}), {rest_name} cần tăng {r} %.",
                   f"For {num(self.target, 2, lang)} % in the year after {num(self.done, 2, lang)} % in {done_name} "
                   f"(previous-year {rest_name} weight {w}), {rest_name} needs {r} %."),
            phrase(lang,
                   f"Mục tiêu năm +0,1 điểm → {rest_name} cần thêm {num(0.1 * self.d_target, 2, lang)} điểm; "
                   f"số {done_name} −0,1 điểm → thêm {num(-0.1 * self.d_done, 2, lang)} điểm.",
                   f"Annual target +0.1 point → {rest_name} needs {num(0.1 * self.d_target, 2, lang)} points more; "
                   f"the {self.months_done}-month figure −0.1 point → {num(-0.1 * self.d_done, 2, lang)} points more."),
            phrase(lang,
                   f"Tỷ trọng {rest_name} +0,01 → {rest_name} cần {heavier} điểm "
                   f"(tuyến tính: {signed(0.01 * self.d_weight, 2, lang)}).",
                   f"{rest_name} weight +0.01 → {rest_name} needs {heavier} points "
                   f"(linear: {signed(0.01 * self.d_weight, 2, lang)})."),
        ]
        return "\n".join(lines)


def required_growth_sensitivity(
    done: float, target: float, *, rest_weight: float, months_done: int = NINE_MONTHS, lang: Lang = "vi"
) -> RequiredGrowthSensitivity:
    """Required Q4 growth and its derivatives with respect to target, 9-month figure and weight.

    Parameters
    ----------
    done : float
        Growth of the part of the year done (the 9 months), %.
    target : float
        Annual growth target, %.
    rest_weight : float
        The rest's (Q4's) share of the previous year's level, in (0, 1].
    months_done : int
        Months done (9), for the wording only: the identity holds for any split.
    lang : {"vi", "en"}

    Returns
    -------
    RequiredGrowthSensitivity

    Notes
    -----
    ``g4* = g9M + (gY* − g9M)/w``, so ``∂g4*/∂gY* = 1/w``,
    ``∂g4*/∂g9M = 1 − 1/w = −(1 − w)/w`` and ``∂g4*/∂w = −(gY* − g9M)/w²``.

    Examples
    --------
    The plan's 8,01 % after 9 months, 10 % for the year, Q4 weight 0,32:

    >>> s = required_growth_sensitivity(8.01, 10.0, rest_weight=0.32)
    >>> round(s.required, 4), round(s.d_target, 4), round(s.d_done, 4), round(s.d_weight, 4)
    (14.2288, 3.125, -2.125, -19.4336)
    """
    lang = check_lang(lang)
    d, t, w = _check_inputs(done, target, rest_weight, months_done)
    return RequiredGrowthSensitivity(
        done=d,
        target=t,
        rest_weight=w,
        required=float(required_growth(d, t, rest_weight=w)),
        d_target=1 / w,
        d_done=-(1 - w) / w,
        d_weight=-(t - d) / w**2,
        months_done=int(months_done),
        lang=lang,
    )


# ---------------------------------------------------------------------------------------------
# a revision of the 9-month figure


@dataclass(frozen=True)
class RevisionEffect(Result):
    """What a revision of the 9-month figure does to the growth Q4 needs.

    Attributes
    ----------
    done : float
        The 9-month figure as published, %.
    revision : float
        The revision, points (``-0.1``: 8,01 → 7,91).
    frame : pandas.DataFrame
        One row per (target, weight): ``target``, ``rest_weight``,
        ``required_before``, ``required_after``, ``change`` (exact, points) and
        ``change_linear`` (``∂g4*/∂g9M × revision``; equal, since ``g4*`` is linear
        in the 9-month figure).
    """

    done: float
    revision: float
    frame: pd.DataFrame = field(repr=False, compare=False)
    months_done: int = NINE_MONTHS
    lang: Lang = "vi"

    def to_frame(self) -> pd.DataFrame:
        return self.frame.copy()

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """The rows with labelled columns, rounded to 0,01 point (change to 0,001)."""
        lang = self.language(lang)
        f = self.frame
        return pd.DataFrame(
            {
                label("se_target", lang): f["target"],
                label("se_weight", lang): f["rest_weight"],
                label("se_required_before", lang): f["required_before"].round(2),
                label("se_required_after", lang): f["required_after"].round(2),
                label("se_change", lang): f["change"].round(3),
            }
        )

    def summary(self, *, lang: Lang | None = None) -> str:
        """One sentence per target at the middle weight, and the range over the weights."""
        lang = self.language(lang)
        done_name, rest_name = period_names(self.months_done, lang)
        weights = sorted(self.frame["rest_weight"].unique())
        mid = weights[len(weights) // 2]
        after = self.done + self.revision
        head = phrase(
            lang,
            f"Số {done_name} {num(self.done, 2, lang)} % điều chỉnh {signed(self.revision, 2, lang)} điểm "
            f"(thành {num(after, 2, lang)} %):",
            f"The {self.months_done}-month figure {num(self.done, 2, lang)} % revised by {signed(self.revision, 2, lang)} points "
            f"(to {num(after, 2, lang)} %):",
        )
        lines = [head]
        at_mid = self.frame[self.frame["rest_weight"] == mid]
        for row in at_mid.itertuples():
            lines.append(phrase(
                lang,
                f"  mục tiêu {num(row.target, 1, lang)} %: {rest_name} cần {num(row.required_after, 2, lang)} % "
                f"thay vì {num(row.required_before, 2, lang)} % ({signed(row.change, 3, lang)} điểm, "
                f"tỷ trọng {num(mid, 2, lang)})",
                f"  target {num(row.target, 1, lang)} %: {rest_name} needs {num(row.required_after, 2, lang)} % "
                f"instead of {num(row.required_before, 2, lang)} % ({signed(row.change, 3, lang)} points, "
                f"weight {num(mid, 2, lang)})",
            ))
        if len(weights) > 1:
            lo, hi = self.frame["change"].min(), self.frame["change"].max()
            lines.append(phrase(
                lang,
                f"  với tỷ trọng {num(weights[0], 2, lang)}–{num(weights[-1], 2, lang)}: "
                f"{signed(lo, 3, lang)} đến {signed(hi, 3, lang)} điểm",
                f"  over weights {num(weights[0], 2, lang)}–{num(weights[-1], 2, lang)}: "
                f"{signed(lo, 3, lang)} to {signed(hi, 3, lang)} points",
            ))
        return "\n".join(lines)


def revision_effect(
    done: float,
    revision: float,
    *,
    targets: Sequence[float],
    rest_weights: Sequence[float],
    months_done: int = NINE_MONTHS,
    lang: Lang = "vi",
) -> RevisionEffect:
    """The growth Q4 needs before and after a revision of the 9-month figure.

    Parameters
    ----------
    done : float
        The 9-month figure as published (8,01).
    revision : float
        Points added to it (``-0.1``).
    targets : sequence of float
        Annual targets (the two ends of 10–10,5).
    rest_weights : sequence of float
        Previous-year Q4 weights to show (the plan implies 0,311–0,329).
    months_done : int
        For the wording.
    lang : {"vi", "en"}

    Notes
    -----
    The change is ``−(1 − w)/w × revision`` whatever the target: a downward
    revision asks more of Q4 by ``(1 − w)/w`` times the revision.

    Examples
    --------
    >>> e = revision_effect(8.01, -0.1, targets=[10.0, 10.5], rest_weights=[0.32])
    >>> e.frame["change"].round(4).tolist()
    [0.2125, 0.2125]
    """
    lang = check_lang(lang)
    for w in rest_weights:
        _check_inputs(done, 0.0, w, months_done)
    t, w = np.meshgrid(np.asarray(targets, dtype="float64"), np.asarray(rest_weights, dtype="float64"), indexing="ij")
    before = required_growth(float(done), t, rest_weight=w)
    after = required_growth(float(done) + float(revision), t, rest_weight=w)
    frame = pd.DataFrame(
        {
            "target": t.ravel(),
            "rest_weight": w.ravel(),
            "required_before": before.ravel(),
            "required_after": after.ravel(),
            "change": (after - before).ravel(),
            "change_linear": (-(1 - w) / w * float(revision)).ravel(),
        }
    )
    return RevisionEffect(done=float(done), revision=float(revision), frame=frame, months_done=int(months_done), lang=lang)


# ---------------------------------------------------------------------------------------------
# grids


@dataclass(frozen=True)
class RequiredGrowthGrid(Result):
    """Required Q4 growth over previous-year Q4 weights × 9-month revisions × annual targets.

    Attributes
    ----------
    done : float
        The 9-month figure as published, %.
    frame : pandas.DataFrame
        Tidy: one row per combination, columns ``rest_weight``, ``revision``,
        ``done`` (``done + revision``), ``target``, ``required``; sorted by target,
        revision, weight.
    plan_weights : (float, float) or None
        The band of weights the plan implies, marked on the heatmap.
    """

    done: float
    frame: pd.DataFrame = field(repr=False, compare=False)
    plan_weights: tuple[float, float] | None = None
    months_done: int = NINE_MONTHS
    lang: Lang = "vi"

    _table_index: ClassVar[bool] = True

    @property
    def targets(self) -> list[float]:
        return sorted(self.frame["target"].unique().tolist())

    def to_frame(self) -> pd.DataFrame:
        return self.frame.copy()

    def pivot(self, target: float) -> pd.DataFrame:
        """Required growth for one target: revisions down the rows, weights across the columns."""
        rows = self.frame[np.isclose(self.frame["target"], target)]
        if rows.empty:
            raise ValueError(f"target must be one of: {', '.join(repr(t) for t in self.targets)}")
        return rows.pivot(index="revision", columns="rest_weight", values="required")

    def at(self, *, target: float, rest_weight: float, revision: float = 0.0) -> float:
        """The required growth at one point (computed exactly, not read off the grid)."""
        return float(required_growth(self.done + revision, target, rest_weight=rest_weight))

    def table(self, target: float | None = None, *, lang: Lang | None = None) -> pd.DataFrame:
        """:meth:`pivot` for ``target`` (default: the first) with labelled axes, rounded to 0,01."""
        lang = self.language(lang)
        p = self.pivot(self.targets[0] if target is None else target).round(2)
        p.index.name = label("se_revision", lang)
        p.columns.name = label("se_weight", lang)
        return p

    def summary(self, *, lang: Lang | None = None) -> str:
        """The grid's extent and the range of required growth for each target."""
        lang = self.language(lang)
        f = self.frame
        _, rest_name = period_names(self.months_done, lang)
        w, r = f["rest_weight"], f["revision"]
        head = phrase(
            lang,
            f"Tăng trưởng {rest_name} cần đạt: tỷ trọng {num(w.min(), 2, lang)}–{num(w.max(), 2, lang)}, "
            f"điều chỉnh số 9 tháng {signed(r.min(), 2, lang)} đến {signed(r.max(), 2, lang)} điểm "
            f"quanh {num(self.done, 2, lang)} %.",
            f"{rest_name} growth needed: weights {num(w.min(), 2, lang)}–{num(w.max(), 2, lang)}, "
            f"9-month revisions {signed(r.min(), 2, lang)} to {signed(r.max(), 2, lang)} points "
            f"around {num(self.done, 2, lang)} %.",
        )
        lines = [head]
        for t in self.targets:
            req = f.loc[np.isclose(f["target"], t), "required"]
            lines.append(phrase(
                lang,
                f"  mục tiêu {num(t, 1, lang)} %: {num(req.min(), 2, lang)}–{num(req.max(), 2, lang)} %",
                f"  target {num(t, 1, lang)} %: {num(req.min(), 2, lang)}–{num(req.max(), 2, lang)} %",
            ))
        return "\n".join(lines)


def required_growth_grid(
    done: float,
    *,
    targets: Sequence[float],
    rest_weights: Sequence[float] = DEFAULT_GRID_WEIGHTS,
    revisions: Sequence[float] = DEFAULT_GRID_REVISIONS,
    plan_weights: tuple[float, float] | None = None,
    months_done: int = NINE_MONTHS,
    lang: Lang = "vi",
) -> RequiredGrowthGrid:
    """Required Q4 growth over every combination of weight, 9-month revision and target.

    Parameters
    ----------
    done : float
        The 9-month figure as published, %.
    targets : sequence of float
        Annual targets.
    rest_weights : sequence of float
        Previous-year Q4 weights (default 0,24-0,40 by 0,01).
    revisions : sequence of float
        Points added to the 9-month figure (default −0,30 to +0,30 by 0,05).
    plan_weights : (float, float), optional
        The weights the plan implies, drawn on the heatmap.
    months_done : int
        For the wording.
    lang : {"vi", "en"}

    Returns
    -------
    RequiredGrowthGrid
        ``len(targets) × len(revisions) × len(rest_weights)`` rows, computed in
        one vectorised call of :func:`grdp.core.periods.required_growth`.

    Examples
    --------
    >>> g = required_growth_grid(8.01, targets=[10.0, 10.5], rest_weights=[0.25, 0.32], revisions=[-0.1, 0.0])
    >>> len(g.frame), round(g.at(target=10.0, rest_weight=0.32, revision=-0.1), 2)
    (8, 14.44)
    >>> g.pivot(10.0).round(2).to_numpy().tolist()
    [[16.27, 14.44], [15.97, 14.23]]
    """
    lang = check_lang(lang)
    w_arr = np.asarray(rest_weights, dtype="float64")
    for w in w_arr:
        _check_inputs(done, 0.0, w, months_done)
    t, r, w = np.meshgrid(np.asarray(targets, dtype="float64"), np.asarray(revisions, dtype="float64"), w_arr, indexing="ij")
    d = float(done) + r
    frame = pd.DataFrame(
        {
            "rest_weight": w.ravel(),
            "revision": r.ravel(),
            "done": d.ravel(),
            "target": t.ravel(),
            "required": required_growth(d, t, rest_weight=w).ravel(),
        }
    )
    pw = None if plan_weights is None else (float(plan_weights[0]), float(plan_weights[1]))
    return RequiredGrowthGrid(done=float(done), frame=frame, plan_weights=pw, months_done=int(months_done), lang=lang)
