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

from .labels import Lang, check_lang
from .sector_targets import GRDP_KEY, MissingFigures, _row, _sector_detail, check_sector_targets
from .share_target import SHARE_KEY, _share_detail, check_share_target

__all__ = ["sector_findings"]


def _finding(plan: pd.DataFrame, key: str, check: str, verdict: str, detail: str, warning: str,
             numbers: dict[str, float]) -> Any:
    from .consistency import Finding

    row = _row(plan, key)
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


def sector_findings(plan: pd.DataFrame, lang: Lang = "vi", **assumptions: Any) -> list[Any]:
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
    sector_kw = {k: assumptions[k] for k in ("structure", "industry_split", "default_split", "bridge", "weights_of") if k in assumptions}
    share_kw = {k: assumptions[k] for k in ("structure", "industry_split", "bridge", "seasonal_gap", "taxes_share_done") if k in assumptions}
    unknown = set(assumptions) - set(sector_kw) - set(share_kw)
    if unknown:
        raise TypeError(f"unknown assumption(s): {', '.join(sorted(unknown))}")
    keys = set(plan["key"])
    out = []
    c = None
    if GRDP_KEY in keys:
        try:
            c = check_sector_targets(plan, **sector_kw)
        except MissingFigures as err:
            out.append(_finding(plan, GRDP_KEY, "sectors_vs_grdp", "not_checkable", _missing(err, lang), "", {}))
        else:
            detail, warn = _sector_detail(c, lang)
            numbers = {
                "implied_year_bridge1_low": c.implied("year", "one").low,
                "implied_year_bridge1_high": c.implied("year", "one").high,
                "implied_rest_bridge1_low": c.implied("rest", "one").low,
                "implied_rest_bridge1_high": c.implied("rest", "one").high,
                "implied_year_calibrated_low": c.implied("year", "calibrated").low,
                "implied_year_calibrated_high": c.implied("year", "calibrated").high,
                "implied_rest_calibrated_low": c.implied("rest", "calibrated").low,
                "implied_rest_calibrated_high": c.implied("rest", "calibrated").high,
                "bridge_calibrated_low": c.bridge_calibrated.low,
                "bridge_calibrated_high": c.bridge_calibrated.high,
                "bridge_max_agreeing": c.max_agreeing_bridge(),
                "industry_split_low": c.split_range[0],
                "industry_split_high": c.split_range[1],
                "industry_split_default": c.default_split,
                "implied_year_low": c.implied("year").low,
                "implied_year_high": c.implied("year").high,
                "implied_rest_low": c.implied("rest").low,
                "implied_rest_high": c.implied("rest").high,
                "bridge_admissible_low": c.bridge_admissible.low,
                "bridge_admissible_high": c.bridge_admissible.high,
                "implied_year_default": c.default["year_calibrated"],
                "implied_rest_default": c.default["rest_calibrated"],
            }
            verdict = "consistent" if c.verdict == "conditional" else c.verdict
            out.append(_finding(plan, GRDP_KEY, "sectors_vs_grdp", verdict, detail,
                                warn if c.verdict == "conditional" else "", numbers))
    if SHARE_KEY in keys:
        if c is not None and "bridge" not in share_kw and "industry_split" not in share_kw:
            share_kw["bridge"] = (min(c.bridge_calibrated.low, 1.0), max(c.bridge_calibrated.high, 1.0))
        try:
            s = check_share_target(plan, **share_kw)
        except MissingFigures as err:
            out.append(_finding(plan, SHARE_KEY, "share_from_sectors", "not_checkable", _missing(err, lang), "", {}))
        else:
            detail, warn = _share_detail(s, lang)
            numbers = {
                "done": s.done.mid, "year": s.target.mid, "published_structure": s.published,
                "implied_year_low": s.implied.low, "implied_year_high": s.implied.high,
                "needed_seasonal_gap_low": s.needed_gap.low, "needed_seasonal_gap_high": s.needed_gap.high,
                "seasonal_gap_low": s.seasonal_gap[0], "seasonal_gap_high": s.seasonal_gap[1],
                "national_gap_min": float(s.national_gaps.min()), "national_gap_max": float(s.national_gaps.max()),
                "rise_in_year_low": s.rise_in_year.low, "rise_in_year_high": s.rise_in_year.high,
            }
            verdict = "consistent" if s.verdict == "conditional" else s.verdict
            out.append(_finding(plan, SHARE_KEY, "share_from_sectors", verdict, detail, warn, numbers))
    return out


def _missing(err: MissingFigures, lang: Lang) -> str:
    d = err.describe(lang)
    return f"Không kiểm tra được theo ngành: {d}." if lang == "vi" else f"Cannot check by sector: {d}."
