"""The sector decomposition's findings for the plan audit.

:func:`sector_findings` adds, for the GRDP row, what GRDP growth the sector
targets imply (:func:`grdp.sectors.agreement.check_sector_targets`) and
replaces the share row's "not checkable" with whether the share target follows
(:func:`grdp.sectors.share.check_share_target`). :func:`grdp.audit.check_plan`
runs it by default.

Verdicts: ``implausible`` where the plan's figures disagree under every
admissible assumption (structure, industry split, bridge, seasonal gap — these
checks rest on assumptions, not identities, so ``grdp check`` exits 0, and 1
only with ``--strict``); ``consistent`` where they agree under all — and also
where they agree under some only, with a warning naming the assumptions under
which they do and do not. An exit status of 1 means the plan contradicts
itself; the warning keeps any condition in view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from grdp.audit.findings import Evidence, Finding
from grdp.core.periods import Interval
from grdp.core.typing import Lang, Verdict
from grdp.core.validation import check_lang
from grdp.io.plan import GRDP_KEY, MissingFigures, Plan
from grdp.sectors.agreement import SectorTargetsCheck, check_sector_targets
from grdp.sectors.share import SHARE_KEY, ShareTargetCheck, check_share_target
from grdp.sectors.targets import admissible_bridges

__all__ = ["SectorTargetsEvidence", "ShareTargetEvidence", "sector_findings"]

# the keyword arguments of check_sector_targets and of check_share_target that the audit passes on
_SECTOR_ASSUMPTIONS = ("structure", "industry_split", "default_split", "bridge", "weights_of")
_SHARE_ASSUMPTIONS = ("structure", "industry_split", "bridge", "seasonal_gap", "taxes_share_done")


def _ends(name: str, interval: Interval | tuple[float, float]) -> dict[str, float]:
    return {f"{name}_low": interval[0], f"{name}_high": interval[1]}


@dataclass(frozen=True)
class SectorTargetsEvidence(Evidence):
    """``sectors_vs_grdp``: the sector targets' implied GRDP growth (:class:`~grdp.sectors.agreement.SectorTargetsCheck`)."""

    check: SectorTargetsCheck

    def numbers(self) -> dict[str, float]:
        c = self.check
        out = {
            **_ends("implied_year_bridge1", c.implied("year", "one")),
            **_ends("implied_rest_bridge1", c.implied("rest", "one")),
            **_ends("implied_year_calibrated", c.implied("year", "calibrated")),
            **_ends("implied_rest_calibrated", c.implied("rest", "calibrated")),
            **_ends("bridge_calibrated", c.bridge_calibrated),
            "bridge_max_agreeing": c.max_agreeing_bridge(),
            **_ends("industry_split", c.split_range),
            "industry_split_default": c.default_split,
            **_ends("implied_year", c.implied("year")),
            **_ends("implied_rest", c.implied("rest")),
            **_ends("bridge_admissible", c.bridge_admissible),
            "implied_year_default": c.default["year_calibrated"],
            "implied_rest_default": c.default["rest_calibrated"],
        }
        return {k: float(v) for k, v in out.items()}


@dataclass(frozen=True)
class ShareTargetEvidence(Evidence):
    """``share_from_sectors``: whether the share target follows (:class:`~grdp.sectors.share.ShareTargetCheck`)."""

    check: ShareTargetCheck

    def numbers(self) -> dict[str, float]:
        s = self.check
        out = {
            "done": s.done.mid, "year": s.target.mid, "published_structure": s.published,
            **_ends("implied_year", s.implied),
            **_ends("needed_seasonal_gap", s.needed_gap),
            **_ends("seasonal_gap", s.seasonal_gap),
            "national_gap_min": float(s.national_gaps.min()), "national_gap_max": float(s.national_gaps.max()),
            **_ends("rise_in_year", s.rise_in_year),
        }
        return {k: float(v) for k, v in out.items()}


def sector_findings(plan: Plan, lang: Lang = "vi", **assumptions: Any) -> list[Finding]:
    """The sector-decomposition findings for :func:`grdp.audit.check_plan`.

    Returns a ``sectors_vs_grdp`` finding for the GRDP row and a
    ``share_from_sectors`` finding replacing the share row's; a check whose rows
    or figures are missing gives a ``not_checkable`` finding saying so (or
    nothing, when the row itself is absent).

    Parameters
    ----------
    plan : Plan
    lang : {"vi", "en"}
    **assumptions
        ``structure``, ``industry_split``, ``default_split``, ``bridge``,
        ``weights_of`` (sectors vs GRDP) and ``seasonal_gap``,
        ``taxes_share_done`` (share) — see
        :func:`grdp.sectors.agreement.check_sector_targets` and
        :func:`grdp.sectors.share.check_share_target`.

    Examples
    --------
    >>> from grdp import load_plan
    >>> [(f.stt, f.check, f.verdict) for f in sector_findings(load_plan())]
    [('1', 'sectors_vs_grdp', 'consistent'), ('3', 'share_from_sectors', 'implausible')]
    """
    lang = check_lang(lang)
    sector_kw = {k: assumptions[k] for k in _SECTOR_ASSUMPTIONS if k in assumptions}
    share_kw = {k: assumptions[k] for k in _SHARE_ASSUMPTIONS if k in assumptions}
    unknown = set(assumptions) - set(sector_kw) - set(share_kw)
    if unknown:
        raise TypeError(f"unknown assumption(s): {', '.join(sorted(unknown))}")
    out = []
    sectors = None
    if plan.row(GRDP_KEY) is not None:
        try:
            sectors = check_sector_targets(plan, lang=lang, **sector_kw)
        except MissingFigures as err:
            out.append(_not_checkable(plan, GRDP_KEY, "sectors_vs_grdp", err, lang))
        else:
            out.append(_finding(plan, GRDP_KEY, "sectors_vs_grdp", sectors, SectorTargetsEvidence(sectors), lang))
    if plan.row(SHARE_KEY) is not None:
        if sectors is not None and "bridge" not in share_kw and "industry_split" not in share_kw:
            share_kw["bridge"] = admissible_bridges(sectors.bridge_calibrated)
        try:
            share = check_share_target(plan, lang=lang, **share_kw)
        except MissingFigures as err:
            out.append(_not_checkable(plan, SHARE_KEY, "share_from_sectors", err, lang))
        else:
            out.append(_finding(plan, SHARE_KEY, "share_from_sectors", share, ShareTargetEvidence(share), lang))
    return out


def _finding(plan: Plan, key: str, check: str, result: SectorTargetsCheck | ShareTargetCheck,
             evidence: Evidence, lang: Lang) -> Finding:
    """A check's finding: agreeing under some assumptions only is ``consistent``, with the warning saying which."""
    verdict = "consistent" if result.verdict == "conditional" else result.verdict
    return _row_finding(plan, key, check, verdict, result.summary(lang=lang), result.warning(lang=lang), evidence)  # type: ignore[arg-type]


def _not_checkable(plan: Plan, key: str, check: str, err: MissingFigures, lang: Lang) -> Finding:
    d = err.describe(lang)
    detail = f"Không kiểm tra được theo ngành: {d}." if lang == "vi" else f"Cannot check by sector: {d}."
    return _row_finding(plan, key, check, "not_checkable", detail, "", None)


def _row_finding(plan: Plan, key: str, check: str, verdict: Verdict, detail: str, warning: str,
                 evidence: Evidence | None) -> Finding:
    return Finding.of_row(plan.require(key), check, verdict, detail, warning=warning, evidence=evidence)
