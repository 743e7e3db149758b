"""What the report's sections share: the :class:`ReportContext` they read and the :class:`Section` they return.

Each section builder takes a :class:`ReportContext` and returns a
:class:`Section`: tables (numbers as numbers, labelled in the report's
language), figures and a few lines of findings. A section whose analysis does
not apply to the plan at hand (no GRDP row, no sector rows) says so in its
summary instead of failing the report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from grdp.audit.findings import PlanAudit
from grdp.core.typing import Lang
from grdp.core.wording import phrase
from grdp.forecast.panel import ProvincialForecast, provincial_forecast
from grdp.io.plan import MissingFigures, Plan
from grdp.report.export import ReportTable

__all__ = ["ReportContext", "Section", "SectionBuilder"]


@dataclass
class ReportContext:
    """What every section can use: the plan, its audit, the language, the plan's task list if any."""

    plan: Plan
    lang: Lang
    audit: PlanAudit
    tasks_path: Path | None = None

    @cached_property
    def provincial(self) -> ProvincialForecast | None:
        """The plan's calibrated provincial forecast (:func:`grdp.forecast.panel.provincial_forecast`), once;
        ``None`` when the plan has no 9-month GRDP figure or the panel has too few earlier years."""
        try:
            return provincial_forecast(self.plan, lang=self.lang)
        except (MissingFigures, ValueError):
            return None

    def t(self, vi: str, en: str) -> str:
        return phrase(self.lang, vi, en)

    def name(self, vi: str, en: str) -> str:
        """A file or sheet stem in the report's language."""
        return self.t(vi, en)


@dataclass
class Section:
    """A part of the report: tables, figures (file stem → Figure) and Markdown findings."""

    key: str
    title: str
    tables: list[ReportTable] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)
    summary: str = ""
    headline: list[str] = field(default_factory=list)
    """One-line key findings, gathered at the top of the report's summary."""
    lead: list[str] = field(default_factory=list)
    """Key findings that open the summary, before every section's headline (the calibrated forecast)."""


SectionBuilder = Callable[[ReportContext], Section]
