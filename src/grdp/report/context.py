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
from grdp.core.forking import ForkedCall
from grdp.core.typing import Lang
from grdp.core.wording import phrase
from grdp.forecast.methods import StoredFit, add_fits
from grdp.forecast.panel import ProvincialForecast, provincial_forecast
from grdp.io.plan import MissingFigures, Plan
from grdp.report.export import ReportTable

__all__ = ["ReportContext", "Section", "SectionBuilder", "ReportFigure", "KeyFinding", "DATA_SOURCES", "IDENTITY_HOW"]

DATA_SOURCES: dict[str, tuple[str, str]] = {
    "national": ("Cục Thống kê (Bộ Tài chính), tăng trưởng GDP cả nước theo quý, bản công bố lần đầu "
                 "(national_gdp_releases.csv)",
                 "National Statistics Office (Ministry of Finance), Viet Nam's quarterly GDP growth as first published "
                 "(national_gdp_releases.csv)"),
    "provinces": ("Số 9 tháng và cả năm các tỉnh công bố lần đầu, 2012–2024 (province_releases.csv)",
                  "Provinces' first-published 9-month and annual GRDP growth, 2012–2024 (province_releases.csv)"),
    "former": ("Hưng Yên (cũ) và Thái Bình: số liệu đã công bố (provinces_hungyen_thaibinh.csv)",
               "Hưng Yên (former) and Thái Bình: published figures (provinces_hungyen_thaibinh.csv)"),
    "assumptions": ("giả định của grdp (assumptions.csv)", "grdp's assumptions (assumptions.csv)"),
    "structure": ("cơ cấu kinh tế của tỉnh (provinces_hungyen_thaibinh.csv)",
                  "the province's economic structure (provinces_hungyen_thaibinh.csv)"),
}
"""The data files the report's figures come from, named in a "Nguồn:" line (keyed; the plan is named by :meth:`ReportContext.source`)."""


IDENTITY_HOW = ("đẳng thức kỳ đã qua – kỳ còn lại – cả năm, kể cả làm tròn: tính toán của grdp",
                "the done – rest – year identity, rounding included: grdp's computation")
"""What grdp did, in a "Nguồn:" line of a table computed from the period identity."""


@dataclass(frozen=True)
class ReportFigure:
    """A figure of the report with what the document prints around it.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    caption : str
        What the figure shows, in the report's language (printed as "Hình N. caption").
    source : str
        Where its figures come from (printed after "Nguồn:").
    """

    figure: Any
    caption: str
    source: str


@dataclass(frozen=True)
class KeyFinding:
    """One key finding and the tables or figures (by file stem) that support it."""

    text: str
    refs: tuple[str, ...] = ()


@dataclass
class ReportContext:
    """What every section can use: the plan, its audit, the language, the plan's task list if any."""

    plan: Plan
    lang: Lang
    audit: PlanAudit
    tasks_path: Path | None = None
    backtest_fits: ForkedCall[list[StoredFit]] | None = None
    """The backtest's model fits, made in a forked child while the first sections run (see :meth:`use_backtest_fits`)."""

    def use_backtest_fits(self) -> None:
        """Take the fits of :attr:`backtest_fits` into this process's store, if the child made them (else they are made here)."""
        if self.backtest_fits is not None:
            fits = self.backtest_fits.result()
            self.backtest_fits = None
            if fits is not None:
                add_fits(fits)

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

    def source(self, *keys: str, how: tuple[str, str] = ("tính toán của grdp", "grdp's computation")) -> str:
        """A "Nguồn:" text: the plan (key ``"plan"``), the task list (``"tasks"``) or files of :data:`DATA_SOURCES`,
        then what grdp did with them (``how``: vi, en)."""
        parts = []
        for key in keys:
            if key == "plan":
                parts.append(self.t(f"Kế hoạch năm {self.plan.year} ({self.plan.source})", f"The {self.plan.year} plan ({self.plan.source})"))
            elif key == "tasks" and self.tasks_path is not None:
                parts.append(self.t(f"Danh sách nhiệm vụ kèm kế hoạch năm {self.plan.year} ({self.tasks_path.name})",
                                    f"The task list of the {self.plan.year} plan ({self.tasks_path.name})"))
            else:
                parts.append(self.t(*DATA_SOURCES[key]))
        parts.append(self.t(*how))
        return "; ".join(parts) + "."

    def figure(self, figure: Any, caption: tuple[str, str], *sources: str) -> ReportFigure:
        """A :class:`ReportFigure` with its caption (vi, en) and the sources of its figures."""
        return ReportFigure(figure, self.t(*caption), self.source(*sources))

    def finding(self, vi: str, en: str, *refs: str) -> KeyFinding:
        """A :class:`KeyFinding` in the report's language, supported by the tables or figures ``refs`` (file stems)."""
        return KeyFinding(self.t(vi, en), tuple(refs))


@dataclass
class Section:
    """A part of the report: tables, figures (file stem → :class:`ReportFigure`) and Markdown findings."""

    key: str
    title: str
    tables: list[ReportTable] = field(default_factory=list)
    figures: dict[str, ReportFigure] = field(default_factory=dict)
    summary: str = ""
    headline: list[KeyFinding] = field(default_factory=list)
    """One-line key findings, gathered at the top of the report's summary."""
    lead: list[KeyFinding] = field(default_factory=list)
    """Key findings that open the summary, before every section's headline (the calibrated forecast)."""


SectionBuilder = Callable[[ReportContext], Section]
