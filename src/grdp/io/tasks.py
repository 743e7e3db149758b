"""The departments' tasks (Phụ lục 2) as a tidy DataFrame with parsed deadlines.

Deadlines are printed in words: ``Tháng 10``, ``Quý IV``, ``Thường xuyên``,
``Hằng tuần, hằng tháng``, ``Hàng quý, đột suất``, ``Tháng 9-quý I/2026``, or a
condition (``Sau khi có Quyết định …``). :func:`parse_deadline` reads each into
a :class:`Deadline`; a deadline it cannot read is kept as ``other`` with a
warning — a task is never dropped.

The header is the first row naming at least three of the known columns, so a
file that lacks one (say the deadline column) is reported as missing that
column; a column named twice is an error (one of the two would be lost). A row
with an empty section, department, number or task (typically a wrapped line
that became a row of its own) is an error quoting the row's text. Merged cells
in a workbook (a department merged down its tasks) are filled, see
:mod:`grdp.io.tables`.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from grdp.core.errors import InputError, PlanWarning
from grdp.core.labels import label
from grdp.core.numbers import normalise_text
from grdp.core.typing import DeadlineKind, Lang
from grdp.core.validation import check_lang
from grdp.io.paths import raw_dir
from grdp.io.tables import Columns, header_matcher, locate_columns, read_table

__all__ = [
    "Deadline",
    "DeadlineKind",
    "parse_deadline",
    "load_tasks",
    "default_tasks_path",
    "tasks_by_department",
]


_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_PART = re.compile(r"(?:(tháng) (\d{1,2})|(quý) (i{1,3}|iv))(?:/(\d{4}))?")
_SPAN = re.compile(rf"(?P<a>{_PART.pattern})\s*(?:-|–|đến)\s*(?P<b>{_PART.pattern})")
_EVERY = re.compile(r"(?:hằng|hàng)?\s*(tuần|tháng|quý|năm)")
_RECURRENCE = {"tuần": "weekly", "tháng": "monthly", "quý": "quarterly", "năm": "yearly"}
_CONDITIONAL = re.compile(r"^(sau khi|khi có|khi được)")

_COLUMNS: Columns = {
    "section": (re.compile(r"mục"), "Mục"),
    "department": (re.compile(r"đơn vị"), "Đơn vị"),
    "task_no": (re.compile(r"stt"), "STT"),
    "task": (re.compile(r"(các )?nhiệm vụ trọng tâm.*|nhiệm vụ"), "Các nhiệm vụ trọng tâm, …"),
    "deadline": (re.compile(r"thời gian thực hiện.*"), "Thời gian thực hiện/ hoàn thành"),
    "note": (re.compile(r"ghi chú"), "Ghi chú"),
}


@dataclass(frozen=True)
class Deadline:
    """A parsed deadline.

    Attributes
    ----------
    kind : DeadlineKind
        ``month``, ``quarter``, ``span`` (from one period to another), ``recurring``,
        ``ad_hoc`` (``Đột suất``), ``conditional`` or ``other``.
    start, end : pandas.Period or None
        The period the task is due in (start = end for a month or a quarter).
    recurrence : tuple of str
        ``continuous``, ``weekly``, ``monthly``, ``quarterly``, ``yearly``, ``ad_hoc``.
    text : str
        As printed.
    """

    kind: DeadlineKind
    start: pd.Period | None
    end: pd.Period | None
    recurrence: tuple[str, ...]
    text: str


_YEARS_BEFORE, _YEARS_AFTER = 5, 10
"""A printed deadline year lies within these many years of the plan's year; others are typos (``0000``)."""


def _period(match: re.Match[str], offset: int, year: int) -> pd.Period:
    g = match.groups()[offset : offset + 5]
    month_word, month, _quarter_word, quarter, explicit_year = g
    y = int(explicit_year) if explicit_year else year
    if not year - _YEARS_BEFORE <= y <= year + _YEARS_AFTER:
        raise InputError(
            f"the year {explicit_year} is not a deadline of the {year} plan "
            f"(expected {year - _YEARS_BEFORE}-{year + _YEARS_AFTER})",
            text=match.string,
        )
    if month_word:
        m = int(month)
        if not 1 <= m <= 12:
            raise ValueError(m)
        return pd.Period(year=y, month=m, freq="M")
    return pd.Period(year=y, quarter=_QUARTERS[quarter], freq="Q")


def parse_deadline(text: str, *, year: int) -> Deadline:
    """Read a printed deadline.

    Parameters
    ----------
    text : str
        As printed: ``"Tháng 10"``, ``"Quý IV"``, ``"Hằng tuần, hằng tháng"`` …
    year : int
        The plan's year, for deadlines that do not print one.

    Raises
    ------
    InputError
        A span that ends before it starts (``Tháng 12 - Tháng 10``, ``Quý IV - Quý I``:
        a span into the next year prints that year, ``Quý IV - Quý I/2026``), or a
        year far from the plan's (``Tháng 10/0000``).

    Examples
    --------
    >>> parse_deadline("Tháng 9-quý I/2026", year=2025)
    Deadline(kind='span', start=Period('2025-09', 'M'), end=Period('2026Q1', 'Q-DEC'), recurrence=(), text='Tháng 9-quý I/2026')
    >>> parse_deadline("Hàng quý, đột suất", year=2025).recurrence
    ('quarterly', 'ad_hoc')
    """
    s = normalise_text(text)
    f = s.casefold()
    try:
        if m := _PART.fullmatch(f):
            p = _period(m, 0, year)
            return Deadline("month" if p.freqstr == "M" else "quarter", p, p, (), s)
        if m := _SPAN.fullmatch(f):
            # groups: (a, *a's parts, b, *b's parts)
            a = _period(m, 1, year)
            b = _period(m, 2 + _PART.groups, year)
            if b.end_time < a.start_time:
                raise InputError(f"the span ends ({b}) before it starts ({a})", text=s)
            return Deadline("span", a, b, (), s)
    except InputError as err:
        raise InputError(err.reason, text=s) from None
    except ValueError:  # a month that does not exist (Tháng 13): kept as 'other', with a warning
        pass
    if _CONDITIONAL.match(f):
        return Deadline("conditional", None, None, (), s)
    items = [i.strip() for i in f.split(",")]
    recurrence: list[str] = []
    for item in items:
        if item == "thường xuyên":
            recurrence.append("continuous")
        elif item in ("đột suất", "đột xuất"):
            recurrence.append("ad_hoc")
        elif m := _EVERY.fullmatch(item):
            if not item.startswith(("hằng", "hàng")) and not recurrence:
                break
            recurrence.append(_RECURRENCE[m[1]])
        else:
            break
    else:
        if recurrence == ["ad_hoc"]:
            return Deadline("ad_hoc", None, None, ("ad_hoc",), s)
        if recurrence:
            return Deadline("recurring", None, None, tuple(recurrence), s)
    return Deadline("other", None, None, (), s)


def default_tasks_path() -> Path:
    """The embedded 2025 tasks: ``data/raw/plan_2025_tasks.csv``."""
    return raw_dir() / "plan_2025_tasks.csv"


def _year_from_name(path: Path) -> int | None:
    m = re.search(r"(?<!\d)(20\d\d)(?!\d)", path.name)
    return int(m[1]) if m else None


def load_tasks(path: str | Path | None = None, *, year: int | None = None) -> pd.DataFrame:
    """Read the tasks appendix into a tidy frame, one row per task, none dropped.

    Parameters
    ----------
    path : str or Path, optional
        CSV or XLSX with columns ``Mục, Đơn vị, STT, Các nhiệm vụ trọng tâm …,
        Thời gian thực hiện/ hoàn thành[, Ghi chú]``. Default: the embedded 2025 tasks.
    year : int, optional
        The plan year, for deadlines that print none; default: the year in the file name.

    Returns
    -------
    pandas.DataFrame
        ``section``, ``department``, ``task_no``, ``task``, ``deadline`` (as printed),
        ``deadline_kind``, ``deadline_start`` / ``deadline_end`` (``2025-10``,
        ``2025Q4``, or empty), ``recurrence`` (comma-joined), ``deadline_group``
        (a key of :mod:`grdp.core.labels` for counting), ``note``, ``source_row``.
    """
    path = Path(path) if path is not None else default_tasks_path()
    year = year if year is not None else _year_from_name(path)
    if year is None:
        raise InputError("no year in the file name; pass year=", file=path.name)
    table = read_table(path, is_header=header_matcher(_COLUMNS))
    cols = locate_columns(table, _COLUMNS, optional=("note",))
    records = []
    seen: dict[tuple[str, str], int] = {}
    for row_no, cells in table.rows:
        cell = {fld: cells[idx] for fld, idx in cols.items()}
        key = (cell["section"], cell["task_no"])
        where: dict[str, Any] = {"file": table.file, "row": row_no}
        for fld in ("section", "department", "task_no", "task"):
            if not cell[fld]:
                raise InputError(
                    "empty cell in a task row (a wrapped line on a row of its own?)",
                    text=" | ".join(c for c in cells if c),
                    column=table.header[cols[fld]],
                    **where,
                )
        if key in seen:
            raise InputError(
                f"duplicate task number in section {key[0]} (first on row {seen[key]})",
                text=key[1],
                column=table.header[cols["task_no"]],
                **where,
            )
        seen[key] = row_no
        try:
            dl = parse_deadline(cell["deadline"], year=year)
        except InputError as err:
            raise err.at(column=table.header[cols["deadline"]], **where) from None
        if dl.kind == "other":
            warnings.warn(
                f"{table.file}, row {row_no}: deadline '{dl.text}' is not one grdp can read; kept as printed",
                PlanWarning,
                stacklevel=2,
            )
        records.append(
            {
                "section": cell["section"],
                "department": cell["department"],
                "task_no": cell["task_no"],
                "task": cell["task"],
                "deadline": dl.text,
                "deadline_kind": dl.kind,
                "deadline_start": "" if dl.start is None else str(dl.start),
                "deadline_end": "" if dl.end is None else str(dl.end),
                "recurrence": ",".join(dl.recurrence),
                "deadline_group": _group(dl),
                "note": cell.get("note", ""),
                "source_row": row_no,
            }
        )
    frame = pd.DataFrame.from_records(records)
    frame.attrs.update(year=year, source=table.file)
    return frame


def _group(dl: Deadline) -> str:
    """A counting bucket: the month for monthly deadlines, else the kind."""
    if dl.kind == "month" and dl.end is not None and dl.end.month in (10, 11, 12):
        return f"dl_month_{dl.end.month}"
    return {
        "quarter": "dl_quarter",
        "recurring": "dl_recurring",
        "ad_hoc": "dl_ad_hoc",
        "span": "dl_span",
        "conditional": "dl_conditional",
    }.get(dl.kind, "dl_other")


_GROUP_ORDER = (
    "dl_month_10",
    "dl_month_11",
    "dl_month_12",
    "dl_quarter",
    "dl_span",
    "dl_recurring",
    "dl_ad_hoc",
    "dl_conditional",
    "dl_other",
)


def tasks_by_department(tasks: pd.DataFrame, *, lang: Lang = "vi") -> pd.DataFrame:
    """Count tasks by department (rows, in section order) and deadline group (columns), with totals."""
    lang = check_lang(lang)
    order = list(dict.fromkeys(tasks["department"]))
    present = [g for g in _GROUP_ORDER if g in set(tasks["deadline_group"])]
    counts = (
        pd.crosstab(tasks["department"], tasks["deadline_group"])
        .reindex(index=order, columns=present, fill_value=0)
        .astype("int64")
    )
    counts[label("total", lang)] = counts.sum(axis=1)
    counts.loc[label("total", lang)] = counts.sum(axis=0)
    counts.columns = [label(c, lang) if c in present else c for c in counts.columns]
    counts.index.name = label("department", lang)
    counts.columns.name = None
    return counts
