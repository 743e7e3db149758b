"""The string options of grdp, as ``Literal`` aliases in one place.

Each alias names the values an option accepts; :func:`grdp.core.validation.check_option`
validates a value against it once, where the option enters, with the package's
one error shape (``"lang must be one of: 'vi', 'en'"``).
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "Bound",
    "Convention",
    "CsvLocale",
    "DeadlineKind",
    "Distribution",
    "Kind",
    "Lang",
    "MethodKind",
    "Outcome",
    "Period",
    "Predictive",
    "RevisionHorizon",
    "RevisionMethod",
    "Verdict",
    "Vintage",
    "WeightsOf",
]

Lang = Literal["vi", "en"]
"""Language of what a person reads; also the number style (``"vi"``: 1.234,5; ``"en"``: 1,234.5)."""
CsvLocale = Literal["en", "vi"]
"""How a CSV file writes numbers: ``"en"`` comma-separated with a decimal point, ``"vi"`` semicolon-separated with a decimal comma."""
Bound = Literal["exact", "range", ">", ">=", "<", "<=", "approx", "missing"]
"""How a printed figure constrains the true value."""
Period = Literal["done", "rest", "year"]
"""The three figures of a plan row: the part of the year done (9 months), the rest (Q4), the year."""
Kind = Literal["growth_rate", "level_flow", "cumulative_level", "share", "ratio", "group", "unknown"]
"""What kind of figure an indicator is (:mod:`grdp.io.indicators`)."""
Verdict = Literal["consistent", "inconsistent", "implausible", "met", "not_checkable"]
"""The audit's verdicts (:mod:`grdp.audit`)."""
Vintage = Literal["first", "latest"]
"""Which published vintage of a figure: the first release or the latest one by a date."""
RevisionHorizon = Literal["annual_release", "next", "latest"]
"""How late a revision of a published figure is measured (:func:`grdp.io.vintages.revisions`)."""
WeightsOf = Literal["previous", "current"]
"""Whose shares a structure holds: the previous period's (the office's weights) or this period's."""
Convention = Literal["points", "share_of_growth", "ambiguous", "neither"]
"""How a printed set of sector contributions reads (:mod:`grdp.sectors.conventions`)."""
MethodKind = Literal["baseline", "model"]
"""A forecast method is a simple rule or a statistical model."""
Predictive = Literal["empirical", "t"]
"""A panel forecast's distribution: its leave-one-year-out errors as they are, or a ``t`` fitted to them."""
Distribution = Literal["triangular", "split_normal"]
"""Shape of a sector's Q4 growth between its low and high values (:mod:`grdp.sensitivity.montecarlo`)."""
RevisionMethod = Literal["bootstrap", "normal", "none"]
"""How the Monte Carlo draws the revision of the 9-month figure."""
Outcome = Literal["reached", "partly", "missed", "not_modelled"]
"""A scenario's annual figure against the target (:mod:`grdp.sensitivity.scenarios`)."""
DeadlineKind = Literal["month", "quarter", "span", "recurring", "ad_hoc", "conditional", "other"]
"""A department task's deadline, as read (:mod:`grdp.io.tasks`)."""
