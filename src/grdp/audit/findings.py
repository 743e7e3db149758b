"""The audit's results: one :class:`Finding` per check and indicator, gathered in a :class:`PlanAudit`.

Every finding has exactly one verdict:

``consistent``
    The printed figures agree within their rounding.
``inconsistent``
    They cannot all be true, whatever the rounding: an identity fails
    (``grdp check`` exits 1).
``implausible``
    The identities allow them, but only under an assumption outside its
    plausible range (a previous-year Q4 weight outside the band, a seasonal
    gap in a share never observed, sector targets that fit GRDP under no
    admissible structure). Not a contradiction: ``grdp check`` exits 0, and
    1 only with ``--strict``.
``met``
    The 9-month result already reaches the annual target (a cumulative level
    past its target, a ratio already at its target).
``not_checkable``
    Nothing to cross-check (a target alone, a missing figure, a kind whose
    check needs other data); the detail says why and gives what can be said.

What a check measured is its *evidence*, typed per check kind
(:class:`GrowthIdentity`, :class:`LevelSum`, … — each with named fields),
so charts, report sections and notebooks read ``finding.evidence.common``
rather than a number looked up by name. :meth:`Evidence.numbers` flattens it
for the JSON and CSV outputs of ``grdp check``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import pandas as pd

from grdp.core.labels import LABELS, label
from grdp.core.periods import Interval
from grdp.core.results import Result
from grdp.core.typing import Lang, Verdict
from grdp.core.validation import check_lang, check_literal
from grdp.core.wording import phrase
from grdp.io.indicators import KIND_LABELS
from grdp.io.plan import GRDP_KEY, PlanRow

__all__ = [
    "VERDICTS",
    "FINDING_COLUMNS",
    "verdict_label",
    "check_label",
    "Evidence",
    "WeightEnd",
    "GrowthIdentity",
    "GrowthWithoutRest",
    "LevelSum",
    "LevelShortfall",
    "TargetReached",
    "RatioGap",
    "PrintedShare",
    "Finding",
    "PlanAudit",
]

VERDICTS: tuple[Verdict, ...] = ("consistent", "inconsistent", "implausible", "met", "not_checkable")

FINDING_COLUMNS = (
    "stt",
    "indicator",
    "name_en",
    "kind",
    "check",
    "verdict",
    "detail",
    "warning",
    "monitoring_unit",
    "key",
)
"""The columns of every finding in :attr:`PlanAudit.findings`, before the evidence's numbers."""

_VERDICT_LABELS = {
    "vi": {"consistent": "Khớp", "inconsistent": "Không khớp", "implausible": "Không hợp lý", "met": "Đã đạt",
           "not_checkable": "Không kiểm tra được"},
    "en": {"consistent": "consistent", "inconsistent": "inconsistent", "implausible": "implausible", "met": "met",
           "not_checkable": "not checkable"},
}


def verdict_label(verdict: str, lang: Lang = "vi") -> str:
    """Display word for a verdict: ``Khớp`` / ``consistent`` …"""
    return _VERDICT_LABELS[check_lang(lang)][verdict]


def check_label(check: str, lang: Lang = "vi") -> str:
    """Display name of a check id (``period_identity`` → ``Đẳng thức 9 tháng – quý IV – năm``); the id if unknown."""
    key = f"au_check_{check}"
    return label(key, lang) if key in LABELS else check


# ---------------------------------------------------------------------------------------------
# evidence, typed per check kind


class Evidence:
    """What a check measured. Subclasses are frozen dataclasses with named fields."""

    def numbers(self) -> dict[str, float]:
        """The fields as plain numbers under the names of ``grdp check --format json``."""
        raise NotImplementedError


def _suffixes(n: int) -> list[str]:
    """Name suffixes of the ends of a range: none for one end, ``_low`` / ``_high`` for two."""
    return [""] if n == 1 else ["_low", "_high"]


@dataclass(frozen=True)
class WeightEnd:
    """One pairing of a rest-of-year figure with an annual figure, and the previous-year weight they imply.

    ``weight_min`` / ``weight_max``: the interval of weights the three figures
    allow within their rounding (:func:`grdp.core.periods.implied_weight_interval`).
    """

    rest: float
    year: float
    implied_weight: float
    weight_min: float
    weight_max: float

    @property
    def weights(self) -> Interval:
        return Interval(self.weight_min, self.weight_max)


@dataclass(frozen=True)
class GrowthIdentity(Evidence):
    """``period_identity``: the weight the done, rest and annual growth figures imply.

    Attributes
    ----------
    done : float
        The done part's growth.
    ends : tuple of WeightEnd
        One pairing, or two for a range target (low with low, high with high).
    common : Interval or None
        The weights every pairing allows (their intersection, within [0, 1]);
        ``None`` when there is none or the check stopped before.
    display_weight : float or None
        A round weight inside ``common`` for the sentence "at weight w, the rest
        needs …" (a range target only).
    required_rest : tuple of float
        What the rest needs at ``display_weight`` for each annual end.
    """

    done: float
    ends: tuple[WeightEnd, ...]
    common: Interval | None = None
    display_weight: float | None = None
    required_rest: tuple[float, ...] = ()

    def numbers(self) -> dict[str, float]:
        out: dict[str, float] = {"done": self.done}
        for sfx, e in zip(_suffixes(len(self.ends)), self.ends, strict=True):
            out.update({f"rest{sfx}": e.rest, f"year{sfx}": e.year, f"implied_weight{sfx}": e.implied_weight,
                        f"weight_min{sfx}": e.weight_min, f"weight_max{sfx}": e.weight_max})
        if self.common is not None:
            out.update({"weight_common_min": self.common.low, "weight_common_max": self.common.high})
        if self.display_weight is not None:
            out.update({"display_weight": self.display_weight, "required_rest_low": self.required_rest[0],
                        "required_rest_high": self.required_rest[-1]})
        return out


@dataclass(frozen=True)
class GrowthWithoutRest(Evidence):
    """``period_identity`` without a rest-of-year target: what the rest needs at the ends of the plausible band.

    ``needed`` holds, per annual end, ``(annual, at band low, at band high)``.
    """

    done: float
    band: tuple[float, float]
    needed: tuple[tuple[float, float, float], ...]
    range_target: bool

    def numbers(self) -> dict[str, float]:
        out: dict[str, float] = {"done": self.done}
        sfx = ["_low", "_high"] if self.range_target else [""] * len(self.needed)
        for s, (_, at_lo, at_hi) in zip(sfx, self.needed, strict=False):
            out.update({f"required_rest_at_band_low{s}": at_lo, f"required_rest_at_band_high{s}": at_hi})
        return out


@dataclass(frozen=True)
class LevelSum(Evidence):
    """``sum_of_periods``: done + rest against the year, within ``tolerance`` (the three half-widths).

    ``rest_vs_done_pace``: the rest's target over the done part's average pace
    for as many months (``None`` when the done part is not positive).
    """

    done: float
    rest: float
    year: float
    done_plus_rest: float
    tolerance: float
    rest_vs_done_pace: float | None = None

    def numbers(self) -> dict[str, float]:
        out = {"done": self.done, "rest": self.rest, "year": self.year, "done_plus_rest": self.done_plus_rest,
               "tolerance": self.tolerance}
        if self.rest_vs_done_pace is not None:
            out["rest_vs_done_pace"] = self.rest_vs_done_pace
        return out


@dataclass(frozen=True)
class LevelShortfall(Evidence):
    """``sum_of_periods`` without a rest-of-year target: what the year still needs."""

    done: float
    year: float
    needed_rest: float

    def numbers(self) -> dict[str, float]:
        return {"done": self.done, "year": self.year, "needed_rest": self.needed_rest}


@dataclass(frozen=True)
class TargetReached(Evidence):
    """``target_reached`` (met): the done figure against the annual target; ``margin`` for levels."""

    done: float
    year: float
    margin: float | None = None

    def numbers(self) -> dict[str, float]:
        out = {"done": self.done, "year": self.year}
        if self.margin is not None:
            out["margin"] = self.margin
        return out


@dataclass(frozen=True)
class RatioGap(Evidence):
    """``target_reached`` (not met) for a stock ratio: what is still to go."""

    done: float
    year: float
    gap: float

    def numbers(self) -> dict[str, float]:
        return {"done": self.done, "year": self.year, "gap": self.gap}


@dataclass(frozen=True)
class PrintedShare(Evidence):
    """``share_from_sectors`` before the sector checks: the printed shares, where printed."""

    done: float | None
    year: float | None

    def numbers(self) -> dict[str, float]:
        return {k: v for k, v in (("done", self.done), ("year", self.year)) if v is not None}


# ---------------------------------------------------------------------------------------------
# findings


@dataclass(frozen=True)
class Finding:
    """The verdict of one check on one indicator.

    Attributes
    ----------
    stt : str
        As printed (``"2.1"``).
    indicator : str
        The printed name.
    kind : str
        Indicator kind (``growth_rate`` …).
    check : str
        Check id: ``period_identity``, ``sum_of_periods``, ``target_reached``,
        ``target_only``, ``share_from_sectors``, ``sectors_vs_grdp``, ``kind_unknown``.
    verdict : Verdict
    detail : str
        What the numbers say, in the audit's language.
    warning : str
        A plausibility warning (e.g. an implausible weight); empty if none.
    evidence : Evidence or None
        What the check measured, typed per check kind; ``None`` when it
        measured nothing (a target alone, a missing figure).
    monitoring_unit : str
        Đơn vị theo dõi tổng hợp báo cáo, as printed.
    key, name_en : str
        The indicator's key and English name when grdp knows it.
    """

    stt: str
    indicator: str
    kind: str
    check: str
    verdict: Verdict
    detail: str
    warning: str = ""
    evidence: Evidence | None = None
    monitoring_unit: str = ""
    key: str = ""
    name_en: str = ""

    def __post_init__(self) -> None:
        check_literal("verdict", self.verdict, Verdict)

    @classmethod
    def of_row(cls, row: PlanRow, check: str, verdict: Verdict, detail: str, *, warning: str = "",
               evidence: Evidence | None = None) -> Finding:
        """A finding on one plan row: the row's STT, names, kind, key and monitoring unit with the check's outcome."""
        return cls(stt=row.stt, indicator=row.name, kind=row.kind, check=check, verdict=verdict, detail=detail,
                   warning=warning, evidence=evidence, monitoring_unit=row.monitoring_unit, key=row.key,
                   name_en=row.name_en)

    def as_dict(self) -> dict[str, object]:
        """Plain types (for JSON): the fields plus each of the evidence's numbers under its own name."""
        out: dict[str, object] = {c: getattr(self, c) for c in FINDING_COLUMNS}
        numbers = self.evidence.numbers() if self.evidence is not None else {}
        out.update({k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in numbers.items()})
        return out


@dataclass(frozen=True)
class PlanAudit(Result):
    """Findings of :func:`grdp.audit.check_plan`, one or more per indicator.

    Attributes
    ----------
    items : tuple of Finding
        In plan order.
    lang : {"vi", "en"}
    target_year, months_done : int
    weight_band : (float, float)
        The plausible band of rest-of-year weights the audit flagged against.
    source : str
        The plan file's name.
    """

    items: tuple[Finding, ...]
    target_year: int
    months_done: int
    weight_band: tuple[float, float]
    source: str = ""
    lang: Lang = "vi"

    _table_index: ClassVar[bool] = False

    @cached_property
    def findings(self) -> pd.DataFrame:
        """Columns :data:`FINDING_COLUMNS` and one column per number of the evidence."""
        frame = pd.DataFrame.from_records([f.as_dict() for f in self.items])
        return pd.DataFrame(columns=list(FINDING_COLUMNS)) if frame.empty else frame

    def to_frame(self) -> pd.DataFrame:
        return self.findings.copy()

    @property
    def inconsistent(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.items if f.verdict == "inconsistent")

    @property
    def has_inconsistency(self) -> bool:
        return bool(self.inconsistent)

    @property
    def implausible(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.items if f.verdict == "implausible")

    def counts(self) -> dict[str, int]:
        """Findings per verdict (every verdict, zero included)."""
        return {v: sum(f.verdict == v for f in self.items) for v in VERDICTS}

    def finding(self, *, key: str | None = None, stt: str | None = None, check: str | None = None) -> Finding | None:
        """The first finding of an indicator (by key or STT) and check, or ``None``."""
        return next((f for f in self.items if (key is None or f.key == key) and (stt is None or f.stt == stt)
                     and (check is None or f.check == check)), None)

    def identity(self, key: str = GRDP_KEY) -> GrowthIdentity | None:
        """The period identity's evidence for an indicator (default: GRDP), when its check measured one."""
        f = self.finding(key=key, check="period_identity")
        return f.evidence if f is not None and isinstance(f.evidence, GrowthIdentity) else None

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """The findings as a display table (labelled columns, verdict words)."""
        lang = self.language(lang)
        return pd.DataFrame(
            {
                label("stt", lang): [f.stt for f in self.items],
                label("name", lang): [f.name_en if lang == "en" and f.name_en else f.indicator for f in self.items],
                label("kind", lang): [KIND_LABELS[lang].get(f.kind, f.kind) for f in self.items],
                label("au_check", lang): [check_label(f.check, lang) for f in self.items],
                label("au_verdict", lang): [verdict_label(f.verdict, lang) for f in self.items],
                label("au_detail", lang): [f.detail for f in self.items],
                label("au_warning", lang): [f.warning for f in self.items],
            }
        )

    def by_office(self, *, lang: Lang | None = None) -> dict[str, pd.DataFrame]:
        """Findings for each monitoring office (a row listing two offices appears under both)."""
        out: dict[str, list[int]] = {}
        for i, f in enumerate(self.items):
            for office in (o.strip() for o in str(f.monitoring_unit).split(";")):
                if office:
                    out.setdefault(office, []).append(i)
        table = self.table(lang=lang)
        return {office: table.iloc[idx].reset_index(drop=True) for office, idx in sorted(out.items())}

    def summary(self, *, lang: Lang | None = None) -> str:
        """A few lines: counts per verdict and every inconsistency and warning, named."""
        lang = self.language(lang)
        c = self.counts()
        counts = ", ".join(f"{verdict_label(v, lang)}: {c[v]}" for v in VERDICTS)
        lines = [phrase(
            lang,
            f"Kiểm tra kế hoạch năm {self.target_year} ({self.source}): {len(self.items)} kết luận — {counts}",
            f"Audit of the {self.target_year} plan ({self.source}): {len(self.items)} findings — {counts}",
        )]
        for f in self.inconsistent:
            lines.append(f"  ✗ {f.stt} {f.indicator}: {f.detail}")
        for f in self.implausible:
            lines.append(f"  ? {f.stt} {f.indicator}: {f.detail}")
        for f in self.items:
            if f.warning:
                lines.append(f"  ! {f.stt} {f.indicator}: {f.warning}")
        return "\n".join(lines)

    def to_records(self) -> list[dict[str, object]]:
        """One plain dict per finding (for JSON)."""
        return [f.as_dict() for f in self.items]
