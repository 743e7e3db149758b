"""The sector decomposition's findings for the plan audit.

``check_plan(plan, extra_checks=[sector_findings])`` adds, for the GRDP row, what
GRDP growth the sector targets imply (:func:`grdp.sector_targets.check_sector_targets`)
and replaces the share row's "not checkable" with whether the share target
follows (:func:`grdp.share_target.check_share_target`).

Verdicts: ``inconsistent`` only where the plan's figures disagree under every
admissible assumption (then ``grdp check`` exits 1); ``consistent`` where they
agree under all — and also where they agree under some only, with a warning
naming the assumptions under which they do and do not. An exit status of 1 must
mean the plan contradicts itself, not that one of several admissible
assumptions fails; the warning keeps the condition in view.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .consistency import Finding
from .labels import Lang, check_lang
from .periods import Interval
from .sector_targets import GRDP_KEY, MissingFigures, SectorTargetsCheck, admissible_bridges, check_sector_targets, plan_row
from .share_target import SHARE_KEY, ShareTargetCheck, check_share_target

__all__ = ["sector_findings"]

# the keyword arguments of check_sector_targets and of check_share_target that the audit passes on
_SECTOR_ASSUMPTIONS = ("structure", "industry_split", "default_split", "bridge", "weights_of")
_SHARE_ASSUMPTIONS = ("structure", "industry_split", "bridge", "seasonal_gap", "taxes_share_done")


def sector_findings(plan: pd.DataFrame, lang: Lang = "vi", **assumptions: Any) -> list[Finding]:
    """The sector-decomposition findings for :func:`grdp.consistency.check_plan`.

    Use as ``check_plan(plan, extra_checks=[sector_findings])``. Returns a
    ``sectors_vs_grdp`` finding for the GRDP row (stt 1) and a
    ``share_from_sectors`` finding replacing the share row's (stt 3); a check
    whose rows or figures are missing gives a ``not_checkable`` finding saying so
    (or nothing, when the row itself is absent).

    Parameters
    ----------
    plan : pandas.DataFrame
    lang : {"vi", "en"}
    **assumptions
        ``structure``, ``industry_split``, ``default_split``, ``bridge``,
        ``weights_of`` (sectors vs GRDP) and ``seasonal_gap``,
        ``taxes_share_done`` (share) — see
        :func:`grdp.sector_targets.check_sector_targets` and
        :func:`grdp.share_target.check_share_target`.

    Examples
    --------
    >>> from grdp import load_plan
    >>> [(f.stt, f.check, f.verdict) for f in sector_findings(load_plan())]
    [('1', 'sectors_vs_grdp', 'consistent'), ('3', 'share_from_sectors', 'inconsistent')]
    """
    lang = check_lang(lang)
    sector_kw = {k: assumptions[k] for k in _SECTOR_ASSUMPTIONS if k in assumptions}
    share_kw = {k: assumptions[k] for k in _SHARE_ASSUMPTIONS if k in assumptions}
    unknown = set(assumptions) - set(sector_kw) - set(share_kw)
    if unknown:
        raise TypeError(f"unknown assumption(s): {', '.join(sorted(unknown))}")
    keys = set(plan["key"])
    out = []
    sectors = None
    if GRDP_KEY in keys:
        try:
            sectors = check_sector_targets(plan, **sector_kw)
        except MissingFigures as err:
            out.append(_not_checkable(plan, GRDP_KEY, "sectors_vs_grdp", err, lang))
        else:
            out.append(_finding(plan, GRDP_KEY, "sectors_vs_grdp", sectors, _sector_numbers(sectors), lang))
    if SHARE_KEY in keys:
        if sectors is not None and "bridge" not in share_kw and "industry_split" not in share_kw:
            share_kw["bridge"] = admissible_bridges(sectors.bridge_calibrated)
        try:
            share = check_share_target(plan, **share_kw)
        except MissingFigures as err:
            out.append(_not_checkable(plan, SHARE_KEY, "share_from_sectors", err, lang))
        else:
            out.append(_finding(plan, SHARE_KEY, "share_from_sectors", share, _share_numbers(share), lang))
    return out


def _ends(name: str, interval: Interval | tuple[float, float]) -> dict[str, float]:
    return {f"{name}_low": interval[0], f"{name}_high": interval[1]}


def _sector_numbers(c: SectorTargetsCheck) -> dict[str, float]:
    return {
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


def _share_numbers(s: ShareTargetCheck) -> dict[str, float]:
    return {
        "done": s.done.mid, "year": s.target.mid, "published_structure": s.published,
        **_ends("implied_year", s.implied),
        **_ends("needed_seasonal_gap", s.needed_gap),
        **_ends("seasonal_gap", s.seasonal_gap),
        "national_gap_min": float(s.national_gaps.min()), "national_gap_max": float(s.national_gaps.max()),
        **_ends("rise_in_year", s.rise_in_year),
    }


def _finding(plan: pd.DataFrame, key: str, check: str, result: SectorTargetsCheck | ShareTargetCheck,
             numbers: dict[str, float], lang: Lang) -> Finding:
    """A check's finding: agreeing under some assumptions only is ``consistent``, with the warning saying which."""
    verdict = "consistent" if result.verdict == "conditional" else result.verdict
    return _row_finding(plan, key, check, verdict, result.summary(lang=lang), result.warning(lang=lang), numbers)


def _not_checkable(plan: pd.DataFrame, key: str, check: str, err: MissingFigures, lang: Lang) -> Finding:
    d = err.describe(lang)
    detail = f"Không kiểm tra được theo ngành: {d}." if lang == "vi" else f"Cannot check by sector: {d}."
    return _row_finding(plan, key, check, "not_checkable", detail, "", {})


def _row_finding(plan: pd.DataFrame, key: str, check: str, verdict: str, detail: str, warning: str,
                 numbers: dict[str, float]) -> Finding:
    row = plan_row(plan, key)
    return Finding(
        stt=str(row["stt"]),
        indicator=str(row["name"]),
        kind=str(row["kind"]),
        check=check,
        verdict=verdict,  # type: ignore[arg-type]
        detail=detail,
        warning=warning,
        numbers=tuple((k, float(v)) for k, v in numbers.items()),
        monitoring_unit=str(row["monitoring_unit"]),
        key=str(row["key"]),
        name_en=str(row["name_en"]),
    )
