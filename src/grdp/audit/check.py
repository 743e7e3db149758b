"""The plan audit: every indicator's figures checked, by kind and against the sector targets.

:func:`check_plan` runs the identity check of each row's kind
(:func:`grdp.audit.identities.check_indicator`) and the sector checks
(:func:`grdp.audit.sectors.sector_findings`), and returns a
:class:`~grdp.audit.findings.PlanAudit`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from grdp.audit.findings import Finding, PlanAudit
from grdp.audit.identities import check_indicator
from grdp.audit.sectors import sector_findings
from grdp.core.typing import Lang
from grdp.core.validation import check_lang
from grdp.io.assumptions import assumptions
from grdp.io.plan import Plan

__all__ = ["ExtraChecks", "check_plan"]

ExtraChecks = Callable[[Plan, Lang], Iterable[Finding]]
"""A check added to the audit: ``f(plan, lang) -> iterable of Finding``."""


def check_plan(
    plan: Plan,
    *,
    weight_band: tuple[float, float] | None = None,
    lang: Lang = "vi",
    sectors: bool = True,
    extra_checks: Iterable[ExtraChecks] = (),
) -> PlanAudit:
    """Audit every indicator of a plan.

    Parameters
    ----------
    plan : Plan
        From :func:`grdp.load_plan`.
    weight_band : (float, float), optional
        Plausible previous-year weights of the rest of the year; a common implied
        weight outside it is flagged (the verdict does not change). Default:
        ``assumptions.csv`` (``weight_band_low`` / ``weight_band_high``).
    lang : {"vi", "en"}
        Language of the details.
    sectors : bool
        Add the sector decomposition's findings (:func:`grdp.audit.sectors.sector_findings`):
        the GRDP growth the sector targets imply, against the GRDP target, and
        whether the share target follows from them. Default True.
    extra_checks : iterable of callables
        ``f(plan, lang) -> iterable of Finding``; a finding for a row and check
        already present replaces it (the sector decomposition replaces the
        share row's ``not_checkable``).

    Returns
    -------
    PlanAudit
        At least one finding for every indicator row, in plan order.

    Examples
    --------
    >>> from grdp import load_plan
    >>> audit = check_plan(load_plan())
    >>> audit.counts()
    {'consistent': 10, 'inconsistent': 0, 'implausible': 1, 'met': 1, 'not_checkable': 13}
    """
    lang = check_lang(lang)
    lo, hi = (float(x) for x in (assumptions().weight_band if weight_band is None else weight_band))
    if not 0 < lo < hi <= 1:
        raise ValueError("weight_band must be (low, high) with 0 < low < high <= 1")
    items = [check_indicator(row, months_done=plan.months_done, weight_band=(lo, hi), lang=lang) for row in plan]
    checks = list(extra_checks)
    if sectors:
        checks.insert(0, sector_findings)
    for extra in checks:
        for new in extra(plan, lang):
            at = next((i for i, f in enumerate(items) if f.stt == new.stt and f.check == new.check), None)
            if at is None:
                last = max((i for i, f in enumerate(items) if f.stt == new.stt), default=len(items) - 1)
                items.insert(last + 1, new)
            else:
                items[at] = new
    return PlanAudit(
        items=tuple(items),
        target_year=plan.year,
        months_done=plan.months_done,
        weight_band=(lo, hi),
        source=plan.source,
        lang=lang,
    )
