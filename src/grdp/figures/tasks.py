"""The departments' tasks by deadline, as a chart (:func:`grdp.io.tasks.tasks_by_department`)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

import pandas as pd

from grdp.core.labels import label
from grdp.core.typing import Lang
from grdp.core.validation import check_lang
from grdp.figures.style import PALETTE, legend_below, report_axes, use_decimal_comma
from grdp.io.tasks import tasks_by_department

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_tasks_by_department"]


def plot_tasks_by_department(tasks: pd.DataFrame, *, lang: Lang = "vi", ax: Any = None) -> Figure:
    """Horizontal stacked bars: tasks per department, coloured by deadline group.

    Returns the matplotlib Figure (16 cm wide, report style).
    """
    lang = check_lang(lang)
    counts = tasks_by_department(tasks, lang=lang)
    total = label("total", lang)
    counts = counts.drop(index=total, columns=total)
    with report_axes(ax, lang, height_cm=15.0) as (fig, ax):
        left = pd.Series(0, index=counts.index)
        ypos = range(len(counts))[::-1]
        for colour, column in zip(PALETTE, counts.columns):
            ax.barh(list(ypos), counts[column], left=left, color=colour, label=column, height=0.7)
            left = left + counts[column]
        ax.set_yticks(list(ypos), [textwrap.fill(d, 42) for d in counts.index], fontsize=6.5)
        ax.set_xlabel(label("tasks", lang))
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        use_decimal_comma(ax, axis="x", decimals=0, lang=lang)
        legend_below(fig, ncols=4)
    return fig
