"""The plan: its indicator rows with their printed figures, the year it targets and how much of it is done.

:func:`load_plan` reads a plan file in the published layout
(:mod:`grdp.io.plan_layout`) into a :class:`Plan`: the target year and the months
done (a 9-month plan today; 6- and 3-month plans read the same way), one
:class:`PlanRow` per indicator with its three printed figures — the part of the
year done, the rest, the year — as :class:`~grdp.core.numbers.PrintedValue`
with their rounding, and the tidy table (:meth:`Plan.to_frame`). Every analysis
of grdp takes a plan; none assumes one year's figures.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from grdp.core.labels import label, unit_label
from grdp.core.numbers import PrintedValue, format_value
from grdp.core.periods import MONTHS_PER_YEAR, Interval, implied_weight, implied_weight_interval, rounding_interval
from grdp.core.results import Result
from grdp.core.typing import Kind, Lang, Period
from grdp.core.validation import check_lang
from grdp.core.wording import period_names, phrase
from grdp.io.indicators import KIND_LABELS
from grdp.io.paths import raw_dir
from grdp.io.plan_layout import read_plan_layout

__all__ = [
    "PERIODS",
    "COLUMNS",
    "GRDP_KEY",
    "SECTOR_KEY_PREFIX",
    "MissingFigures",
    "PlanRow",
    "GrowthFigures",
    "Plan",
    "load_plan",
    "default_plan_path",
    "plan_table",
]

PERIODS: tuple[Period, ...] = ("done", "rest", "year")
"""The three figures of a plan row: the part of the year done, the rest, the year."""

GRDP_KEY = "grdp_growth"
"""The key of the plan's GRDP growth row."""
SECTOR_KEY_PREFIX = "output_growth_"
"""The keys of the sector rows (:mod:`grdp.io.indicators`): ``output_growth_agriculture`` …"""

COLUMNS: tuple[str, ...] = (
    "stt",
    "section",
    "section_name",
    "group",
    "name",
    "name_en",
    "key",
    "unit",
    "kind",
    *(f"{p}_{part}" for p in PERIODS for part in ("low", "high", "bound", "precision")),
    "lead_unit",
    "monitoring_unit",
    "note",
    *(f"{p}_raw" for p in PERIODS),
    "source_row",
)
"""Columns of :meth:`Plan.to_frame`."""

_PERIOD_NAMES = {"done": ("kết quả 9 tháng", "9-month figure"), "rest": ("mục tiêu quý IV", "Q4 target"),
                 "year": ("mục tiêu năm", "annual target")}


class MissingFigures(LookupError):
    """The plan lacks a row or a figure an analysis needs.

    ``missing`` lists ``(row, period)``: the row's STT (or indicator key when the
    row is absent) and ``done`` / ``rest`` / ``year`` (empty for a missing row).
    """

    def __init__(self, missing: list[tuple[str, str]]) -> None:
        self.missing = tuple(missing)
        super().__init__(self.describe("en"))

    def describe(self, lang: Lang = "vi") -> str:
        vi = check_lang(lang) == "vi"
        parts = []
        for row, period in self.missing:
            if period:
                what = _PERIOD_NAMES.get(period, (period, period))[0 if vi else 1]
                parts.append(f"{'dòng' if vi else 'row'} {row}: "
                             + (f"không có {what} (hoặc chỉ có cận trên/dưới)" if vi else f"no {what} (or only a bound)"))
            else:
                parts.append(f"{'không có dòng' if vi else 'no row for'} {row}")
        return "; ".join(parts)


class GrowthFigures(NamedTuple):
    """A growth row's figures, paired end by end: ``done``, the rest's ends, the year's ends.

    A single figure facing a range is repeated (``(14.2, 15.8)`` with ``(10.0,)``
    becomes ``(10.0, 10.0)``).
    """

    done: float
    rest: tuple[float, ...]
    year: tuple[float, ...]


@dataclass(frozen=True)
class PlanRow:
    """One indicator row of a plan, its three figures as printed and read.

    Attributes
    ----------
    stt : str
        As printed (``"2.1"``).
    section, section_name : str
        The section it sits in (``"I"``, ``"Các chỉ tiêu kinh tế"``).
    group : str
        The heading a sub-item sits under (rows 2.1–2.4), else empty.
    name, unit : str
        As printed (Chỉ tiêu, ĐVT).
    name_en, key : str
        For an indicator grdp knows (:mod:`grdp.io.indicators`), else empty.
    kind : Kind
        What kind of figure it is; decides the audit's check.
    done, rest, year : PrintedValue
        The figures of the part of the year done, the rest and the year.
    lead_unit, monitoring_unit, note : str
        As printed.
    source_row : int
        Spreadsheet row of the file (header = its own row number).
    """

    stt: str
    section: str
    section_name: str
    group: str
    name: str
    name_en: str
    key: str
    unit: str
    kind: Kind
    done: PrintedValue
    rest: PrintedValue
    year: PrintedValue
    lead_unit: str
    monitoring_unit: str
    note: str
    source_row: int

    def value(self, period: Period) -> PrintedValue:
        """The printed figure of ``period`` (``"done"``, ``"rest"``, ``"year"``)."""
        return {"done": self.done, "rest": self.rest, "year": self.year}[period]

    def ends(self, period: Period) -> tuple[float, ...]:
        """The printed number(s) of a period: one, two for a range, none when missing."""
        v = self.value(period)
        return tuple(x for x in dict.fromkeys((v.low, v.high)) if x is not None)

    def interval(self, period: Period) -> Interval:
        """The rounding interval of what is printed: from the low end's low to the high end's high.

        Raises :class:`MissingFigures` when the figure is missing or only a bound.
        """
        v = self.value(period)
        if v.is_missing or v.low is None or v.high is None or v.precision is None:
            raise MissingFigures([(self.stt, period)])
        return Interval(v.low - v.half_width, v.high + v.half_width)

    def middle(self, period: Period) -> float:
        """The printed figure, or the middle of a printed range; :class:`MissingFigures` when missing or a bound."""
        v = self.value(period)
        if v.is_missing or v.low is None or v.high is None:
            raise MissingFigures([(self.stt, period)])
        return (v.low + v.high) / 2

    def growth_ends(self) -> GrowthFigures | None:
        """The done figure and the rest's and year's ends, paired; ``None`` without all three."""
        if any(self.value(p).is_missing for p in PERIODS):
            return None
        rest_ends, year_ends = self.ends("rest"), self.ends("year")
        if len(rest_ends) != len(year_ends):
            rest_ends = rest_ends * len(year_ends) if len(rest_ends) == 1 else rest_ends
            year_ends = year_ends * len(rest_ends) if len(year_ends) == 1 else year_ends
        done = self.done.low if self.done.low is not None else self.done.high
        assert done is not None
        return GrowthFigures(done, rest_ends, year_ends)

    def implied_rest_weight(self) -> float | None:
        """The rest's previous-year weight the row's figures imply (mean over the ends); ``None`` without one.

        ``(gY - g_done) / (g_rest - g_done)`` for each pair of ends
        (:func:`grdp.core.periods.implied_weight`). ``None`` without the three
        figures, and also when they imply no weight a year can have — outside
        (0, 1], or none at all (the rest's growth equal to the done part's): no
        caller computes with such a weight; the audit says why in its finding.
        """
        figures = self.growth_ends()
        if figures is None:
            return None
        done, rest, year = figures
        with np.errstate(divide="ignore", invalid="ignore"):
            w = float(sum(implied_weight(done, r, y) for r, y in zip(rest, year, strict=True)) / len(rest))
        return w if 0.0 < w <= 1.0 else None

    def implied_rest_weight_interval(self, *, clip: bool = True) -> Interval | None:
        """The rest weights every end of the row allows, rounding included; ``None`` if they share none.

        Each pair of ends gives :func:`grdp.core.periods.implied_weight_interval`
        of the three figures' rounding intervals; the common part (clipped to
        [0, 1] unless ``clip=False``) is what the row's figures allow together.
        """
        figures = self.growth_ends()
        precision = {p: self.value(p).precision for p in PERIODS}
        if figures is None or any(v is None for v in precision.values()):
            return None
        done = rounding_interval(figures.done, precision["done"])  # type: ignore[arg-type]
        common: Interval | None = Interval(0.0, 1.0) if clip else Interval(-math.inf, math.inf)
        for r, y in zip(figures.rest, figures.year, strict=True):
            iv = implied_weight_interval(done, rounding_interval(r, precision["rest"]),  # type: ignore[arg-type]
                                         rounding_interval(y, precision["year"]))  # type: ignore[arg-type]
            common = common.intersection(iv) if common is not None else None
        return common

    def display_name(self, lang: Lang = "vi") -> str:
        """The printed name, or grdp's English name of a known indicator when ``lang="en"``."""
        return self.name_en if check_lang(lang) == "en" and self.name_en else self.name


@dataclass(frozen=True, eq=False)
class Plan(Result):
    """A plan as read: the year it targets, how much of it is done, and its indicator rows.

    Attributes
    ----------
    rows : tuple of PlanRow
        One per indicator row with figures, in file order.
    year : int
        The target year (header ``Mục tiêu năm YYYY``).
    months_done : int
        Months of the year the ``done`` figures cover (header ``Kết quả N tháng``).
    source : str
        The file's name.
    sha256 : str
        The file's hash.
    path : Path or None
        Where it was read from.
    lang : {"vi", "en"}
        Default language of :meth:`summary` and :meth:`table`.
    """

    rows: tuple[PlanRow, ...]
    year: int
    months_done: int
    source: str
    sha256: str
    path: Path | None = field(default=None, repr=False)
    lang: Lang = "vi"

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[PlanRow]:
        return iter(self.rows)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Plan):
            return NotImplemented
        return (self.rows, self.year, self.months_done) == (other.rows, other.year, other.months_done)

    __hash__ = None  # type: ignore[assignment]

    @property
    def months_rest(self) -> int:
        return MONTHS_PER_YEAR - self.months_done

    def row(self, key: str) -> PlanRow | None:
        """The row of an indicator key (the first, if repeated), or ``None``."""
        return next((r for r in self.rows if r.key == key), None)

    def require(self, key: str) -> PlanRow:
        """The row of an indicator key; :class:`MissingFigures` naming it when absent."""
        row = self.row(key)
        if row is None:
            raise MissingFigures([(key, "")])
        return row

    def by_stt(self, stt: str) -> PlanRow:
        """The row printed with STT ``stt``; ``KeyError`` when there is none."""
        for r in self.rows:
            if r.stt == stt:
                return r
        raise KeyError(f"the plan has no row {stt!r}")

    @property
    def grdp(self) -> PlanRow | None:
        """The GRDP growth row, if the plan has one."""
        return self.row(GRDP_KEY)

    @property
    def sector_rows(self) -> dict[str, PlanRow]:
        """The sector rows (gross output growth by sector, under the output-growth group), by sector key.

        >>> [(s, r.stt) for s, r in load_plan().sector_rows.items()]
        [('agriculture', '2.1'), ('industry', '2.2'), ('construction', '2.3'), ('services', '2.4')]
        """
        return {r.key.removeprefix(SECTOR_KEY_PREFIX): r for r in self.rows if r.key.startswith(SECTOR_KEY_PREFIX)}

    def target(self, key: str = GRDP_KEY) -> Interval:
        """An indicator's annual target as the interval its printed figure allows (rounding included).

        >>> load_plan().target()
        Interval(low=9.95, high=10.55)
        """
        return self.require(key).interval("year")

    def growth_figures(self) -> GrowthFigures | None:
        """The GRDP row's done growth, rest-of-year and annual ends, paired; ``None`` without all three."""
        row = self.grdp
        return None if row is None else row.growth_ends()

    @property
    def targets(self) -> tuple[float, ...]:
        """The ends of the annual GRDP target (``()`` without one)."""
        row = self.grdp
        return () if row is None else tuple(sorted(row.ends("year")))

    def implied_rest_weight(self) -> float | None:
        """The rest's previous-year weight the GRDP row's figures imply (:meth:`PlanRow.implied_rest_weight`).

        The audit gives its rounding interval, and so does :meth:`implied_rest_weight_interval`.
        """
        row = self.grdp
        return None if row is None else row.implied_rest_weight()

    def implied_rest_weight_interval(self) -> Interval | None:
        """The rest weights every end of the GRDP row allows, rounding included, within [0, 1]; ``None`` if none.

        >>> iv = load_plan().implied_rest_weight_interval()
        >>> round(iv.low, 4), round(iv.high, 4)
        (0.3108, 0.3286)
        """
        row = self.grdp
        return None if row is None else row.implied_rest_weight_interval()

    def period_label(self, period: Period, lang: Lang = "vi") -> str:
        """Header text of a period for this plan: ``Kết quả 9 tháng``, ``Q4 target`` …"""
        rest = self.months_rest
        if check_lang(lang) == "vi":
            return {
                "done": f"Kết quả {self.months_done} tháng",
                "rest": "Mục tiêu Quý IV" if rest == 3 else f"Mục tiêu {rest} tháng cuối năm",
                "year": f"Mục tiêu năm {self.year}",
            }[period]
        return {
            "done": f"{self.months_done} months, actual",
            "rest": "Q4 target" if rest == 3 else f"Last {rest} months, target",
            "year": f"{self.year} target",
        }[period]

    @cached_property
    def _frame(self) -> pd.DataFrame:
        records = []
        for r in self.rows:
            rec: dict[str, object] = {c: getattr(r, c) for c in COLUMNS if hasattr(r, c)}
            for p in PERIODS:
                v = r.value(p)
                rec.update({f"{p}_low": v.low, f"{p}_high": v.high, f"{p}_bound": v.bound,
                            f"{p}_precision": v.precision, f"{p}_raw": v.text})
            records.append(rec)
        frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
        for p in PERIODS:
            frame[f"{p}_low"] = frame[f"{p}_low"].astype("float64")
            frame[f"{p}_high"] = frame[f"{p}_high"].astype("float64")
            frame[f"{p}_precision"] = frame[f"{p}_precision"].astype("Int64")
        frame["source_row"] = frame["source_row"].astype("int64")
        frame.attrs.update(target_year=self.year, months_done=self.months_done, source=self.source, sha256=self.sha256)
        return frame

    def to_frame(self) -> pd.DataFrame:
        """The plan as a tidy table: one row per indicator, columns :data:`COLUMNS`.

        ``stt`` (as printed), section numeral and name, ``group``, the printed
        ``name``, ``name_en`` and ``key``, ``unit``, ``kind``, and for each period
        ``done``, ``rest`` and ``year``: ``*_low``, ``*_high``, ``*_bound``,
        ``*_precision`` and the printed ``*_raw``; then lead and monitoring units,
        note and the spreadsheet row. ``attrs`` holds ``target_year``,
        ``months_done``, ``source`` and ``sha256``.
        """
        return self._frame.copy()

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """The plan as a reader's table: figures re-written in the style of ``lang``, labelled columns.

        Figures are written from the parsed values (``71.062`` in Vietnamese,
        ``71,062`` in English), so the table shows what grdp understood, not
        what the file printed.
        """
        lang = self.language(lang)
        out = pd.DataFrame(
            {
                label("stt", lang): [r.stt for r in self.rows],
                label("name", lang): [r.display_name(lang) for r in self.rows],
                label("unit", lang): [unit_label(r.unit, lang) for r in self.rows],
                label("kind", lang): [KIND_LABELS[lang][r.kind] for r in self.rows],
            }
        )
        for p in PERIODS:
            out[self.period_label(p, lang)] = [format_value(r.value(p), style=lang) for r in self.rows]
        return out

    def summary(self, *, lang: Lang | None = None) -> str:
        """The plan in one sentence: year, split, rows, source."""
        lang = self.language(lang)
        done, rest = period_names(self.months_done, lang)
        return phrase(
            lang,
            f"Kế hoạch năm {self.year} ({self.source}): {len(self)} chỉ tiêu có số liệu; kết quả {done}, mục tiêu {rest} và cả năm.",
            f"The {self.year} plan ({self.source}): {len(self)} indicators with figures; {done} actual, {rest} and annual targets.",
        )


def default_plan_path() -> Path:
    """The plan embedded with grdp: ``data/raw/plan_2025_indicators.csv``."""
    return raw_dir() / "plan_2025_indicators.csv"


def load_plan(path: str | Path | None = None, *, lang: Lang = "vi") -> Plan:
    """Read a plan's indicator table (CSV or XLSX, published layout) into a :class:`Plan`.

    Parameters
    ----------
    path : str or Path, optional
        A ``.csv`` (UTF-8) or ``.xlsx`` (first sheet) file in the published layout
        (:mod:`grdp.io.plan_layout`). Default: the embedded plan, :func:`default_plan_path`.
    lang : {"vi", "en"}
        Default language of the plan's summary and table.

    Returns
    -------
    Plan
        One :class:`PlanRow` per indicator that carries figures, in file order;
        the target year and the months done from the header.

    Raises
    ------
    InputError
        Naming file, row, column and text for anything that cannot be read
        unambiguously (missing columns, duplicate STT, a reversed range …).

    Warns
    -----
    PlanWarning
        For an indicator grdp neither knows nor can classify from its unit.

    Examples
    --------
    >>> plan = load_plan()
    >>> len(plan), plan.year, plan.months_done
    (24, 2025, 9)
    >>> [plan.by_stt("8").value(p).low for p in PERIODS]
    [71062.0, 3338.0, 74400.0]
    """
    path = Path(path) if path is not None else default_plan_path()
    layout = read_plan_layout(path)
    rows = tuple(PlanRow(**rec) for rec in layout.records)  # type: ignore[arg-type]
    return Plan(
        rows=rows,
        year=layout.year,
        months_done=layout.months_done,
        source=layout.file,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        path=path,
        lang=check_lang(lang),
    )


def plan_table(plan: Plan, *, lang: Lang = "vi") -> pd.DataFrame:
    """The plan as a reader's table (:meth:`Plan.table`)."""
    return plan.table(lang=lang)
