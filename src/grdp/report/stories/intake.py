"""What notebook 01 says about a plan as read: its headline figures, how its cells were read, its tasks.

Each function writes from the plan it is given (its year, its split of the
year, its rows), so the notebook tells the story of any plan file; a row the
plan lacks is said to be missing rather than assumed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from grdp.core.labels import label, unit_label
from grdp.core.numbers import PrintedValue, format_number, format_value
from grdp.core.typing import Lang, Period
from grdp.core.wording import Prose, period_names, phrase
from grdp.io.indicators import KIND_LABELS
from grdp.io.plan import PERIODS, Plan, default_plan_path
from grdp.io.tasks import default_tasks_path, load_tasks, tasks_by_department

__all__ = ["plan_story", "reading_notes", "kinds_table", "plan_tasks", "tasks_story"]

_THOUSAND = 1000
"""A figure from this size up may carry a thousands separator that reads like a decimal mark."""


_BOUND_WORDS = {">": ("lớn hơn {x}", "more than {x}"), ">=": ("từ {x} trở lên", "at least {x}"),
                "<": ("nhỏ hơn {x}", "less than {x}"), "<=": ("không quá {x}", "at most {x}"), "approx": ("khoảng {x}", "about {x}")}
"""How a bound reads, by the bound of :class:`~grdp.core.numbers.PrintedValue`."""



def _period_words(plan: Plan, lang: Lang) -> dict[Period, str]:
    """``kết quả 9 tháng`` / ``mục tiêu quý IV`` / ``mục tiêu năm 2025`` for this plan's split and year."""
    done, rest = period_names(plan.months_done, lang)
    return {
        "done": phrase(lang, f"kết quả {done}", f"{done} actual"),
        "rest": phrase(lang, f"mục tiêu {rest}", f"{rest} target"),
        "year": phrase(lang, f"mục tiêu năm {plan.year}", f"{plan.year} target"),
    }


def plan_story(plan: Plan, *, lang: Lang | None = None) -> Prose:
    """The plan in two sentences: its year, rows and split, then its GRDP row's three figures.

    Parameters
    ----------
    plan : Plan
        From :func:`grdp.load_plan`.
    lang : {"vi", "en"}, optional
        Default: the plan's own language.

    Returns
    -------
    Prose
        Says so when the plan has no GRDP growth row.

    Examples
    --------
    >>> from grdp import load_plan
    >>> plan_story(load_plan(), lang="en")
    The 2025 plan (plan_2025_indicators.csv) has 24 indicators with figures: the 9 months actual, the Q4 target and the annual target. GRDP growth: 8.01 % in the 9 months; target 14.2–15.8 % in Q4 and 10.0–10.5 % for the year.
    """
    lang = plan.language(lang)
    done, rest = period_names(plan.months_done, lang)
    head = phrase(
        lang,
        f"Kế hoạch năm {plan.year} ({plan.source}) có {len(plan)} chỉ tiêu có số liệu: kết quả {done}, mục tiêu {rest} "
        "và mục tiêu cả năm.",
        f"The {plan.year} plan ({plan.source}) has {len(plan)} indicators with figures: the {done} actual, the {rest} "
        "target and the annual target.",
    )
    row = plan.grdp
    if row is None:
        return Prose(head + " " + phrase(lang, "Kế hoạch không có dòng tăng trưởng GRDP.", "The plan has no GRDP growth row."))
    v = {p: "-" if row.value(p).is_missing else format_value(row.value(p), style=lang) + " %" for p in PERIODS}
    grdp = phrase(
        lang,
        f"Tăng trưởng GRDP: {v['done']} sau {done}; mục tiêu {rest} {v['rest']}, cả năm {v['year']}.",
        f"GRDP growth: {v['done']} in the {done}; target {v['rest']} in {rest} and {v['year']} for the year.",
    )
    return Prose(f"{head} {grdp}")


def _reading(value: PrintedValue, unit: str, lang: Lang) -> str | None:
    """How a printed cell was read, when that is more than a plain number; else ``None``."""
    shown = format_value(value, style=lang)
    if value.bound == "range":
        return phrase(lang, f"khoảng {shown}", f"a range, {shown}")
    x = value.low if value.low is not None else value.high
    if value.bound in _BOUND_WORDS and x is not None:
        vi, en = _BOUND_WORDS[value.bound]
        figure = format_number(x, precision=value.precision, style=lang)
        return phrase(lang, vi, en).format(x=figure)
    if value.bound == "exact" and x is not None and abs(x) >= _THOUSAND and value.precision == 0 \
            and any(sep in value.text for sep in ",."):
        return phrase(lang, f"{shown} {unit} (dấu ngăn cách hàng nghìn, không phải dấu thập phân)",
                      f"{shown} {unit} (a thousands separator, not a decimal mark)")
    return None


def reading_notes(plan: Plan, *, lang: Lang | None = None) -> Prose:
    """The cells grdp read as more than a plain number: ranges, bounds, thousands separators.

    One line per row with such a cell: the printed text (in backticks) and what
    grdp took it to mean, so a reader can check the reading against the
    published table.

    Examples
    --------
    >>> from grdp import load_plan
    >>> print(reading_notes(load_plan(), lang="en").text.splitlines()[2])
    - **1** GRDP growth — Q4 target `14,2-15,8`: a range, 14.2–15.8; 2025 target `10-10,5`: a range, 10.0–10.5
    """
    lang = plan.language(lang)
    names = _period_words(plan, lang)
    lines = []
    for row in plan:
        notes = [f"{names[p]} `{row.value(p).text}`: {reading}" for p in PERIODS
                 if (reading := _reading(row.value(p), unit_label(row.unit, lang), lang)) is not None]
        if notes:
            lines.append(f"- **{row.stt}** {row.display_name(lang)} — " + "; ".join(notes))
    if not lines:
        return Prose(phrase(lang, "Mọi số của kế hoạch là một số đơn, không có khoảng, cận hay dấu ngăn cách hàng nghìn.",
                            "Every figure of the plan is a plain number: no range, bound or thousands separator."))
    head = phrase(
        lang,
        "Các ô grdp đọc không chỉ là một số (ĐVT và cách viết quyết định cách đọc; bảng trên viết lại theo cách đã hiểu):",
        "The cells grdp read as more than a plain number (the unit and the writing decide; the table above rewrites them as understood):",
    )
    return Prose(head + "\n\n" + "\n".join(lines))


def kinds_table(plan: Plan, *, lang: Lang | None = None) -> pd.DataFrame:
    """Indicators per kind (the kind decides the audit's check), most frequent first.

    >>> from grdp import load_plan
    >>> kinds_table(load_plan(), lang="en").iloc[:, 0].to_dict()
    {'growth rate': 9, 'ratio / stock': 9, 'level (flow in the year)': 4, 'cumulative level': 1, 'share': 1}
    """
    lang = plan.language(lang)
    order = list(KIND_LABELS[lang])
    kinds = pd.Series([r.kind for r in plan], dtype="object")
    counts = kinds.value_counts()
    counts = counts.loc[sorted(counts.index, key=lambda k: (-counts[k], order.index(k)))]
    counts.index = [KIND_LABELS[lang][k] for k in counts.index]
    return counts.rename_axis(label("kind", lang)).rename(phrase(lang, "Số chỉ tiêu", "Indicators")).to_frame()


def _is_embedded(plan: Plan) -> bool:
    return plan.path is not None and Path(plan.path).resolve() == default_plan_path().resolve()


def plan_tasks(plan: Plan) -> pd.DataFrame | None:
    """The departments' tasks that come with a plan: the embedded task list with the embedded plan, else ``None``.

    A plan file carries its indicators only; the tasks (Phụ lục 2) are a file
    of their own, and grdp ships the one of the embedded plan
    (:func:`grdp.io.tasks.default_tasks_path`). ``grdp report --tasks`` takes
    another plan's.
    """
    return load_tasks(default_tasks_path(), year=plan.year) if _is_embedded(plan) else None


def tasks_story(plan: Plan, tasks: pd.DataFrame | None, *, lang: Lang | None = None) -> Prose:
    """How many tasks, of how many departments, due when — or that the plan comes without a task list.

    Examples
    --------
    >>> from grdp import load_plan
    >>> plan = load_plan()
    >>> tasks_story(plan, None, lang="en")
    The plan plan_2025_indicators.csv comes without a task list (grdp ships the embedded plan's only); the table and chart below are left empty.
    """
    lang = plan.language(lang)
    if tasks is None or tasks.empty:
        return Prose(phrase(
            lang,
            f"Kế hoạch {plan.source} không kèm danh sách nhiệm vụ (grdp chỉ có danh sách của kế hoạch nhúng sẵn); "
            "bảng và hình dưới đây để trống.",
            f"The plan {plan.source} comes without a task list (grdp ships the embedded plan's only); the table and "
            "chart below are left empty.",
        ))
    counts = tasks_by_department(tasks, lang=lang)
    total = label("total", lang)
    by_deadline = counts.loc[total].drop(total)
    deadlines = "; ".join(f"{name}: {int(n)}" for name, n in by_deadline.items() if n)
    n_tasks, n_departments = int(counts.loc[total, total]), len(counts) - 1
    busiest = counts.drop(index=total)[total]
    top = busiest[busiest == busiest.max()].index.tolist()
    return Prose(phrase(
        lang,
        f"{n_tasks} nhiệm vụ của {n_departments} đơn vị. Theo thời hạn — {deadlines}. "
        f"Nhiều nhiệm vụ nhất: {', '.join(top)} ({int(busiest.max())}).",
        f"{n_tasks} tasks of {n_departments} departments. By deadline — {deadlines}. "
        f"Most tasks: {', '.join(top)} ({int(busiest.max())}).",
    ))

