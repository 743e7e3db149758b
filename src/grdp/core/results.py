"""One display protocol for every result of grdp.

After ``arch``'s ``_SummaryRepr`` (statsmodels' results are the model): every
result object of grdp derives from :class:`Result` and offers

* ``summary(lang=...)`` — a few sentences for a report, Vietnamese by default;
* ``to_frame()`` — the numbers behind it, as a DataFrame (plain column names);
* ``table(lang=...)`` — the same for a reader (labelled columns, rounded);
* ``plot(ax=None)`` — its chart, drawn by :mod:`grdp.figures`;
* ``str()`` and IPython's text view give the summary; a notebook's HTML view
  gives the summary (escaped, its lines kept) over the table.

:mod:`grdp.figures` sits above the analyses (analysis modules never import
matplotlib), so :meth:`Result.plot` reaches it by name at call time — the one
place a lower layer calls a higher one, as pandas reaches its plotting
backend. The layer test allows exactly this call.
"""

from __future__ import annotations

import html
import importlib
from typing import TYPE_CHECKING, Any, ClassVar

from grdp.core.typing import Lang
from grdp.core.validation import check_lang

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["Result", "FIGURES_MODULE"]

FIGURES_MODULE = "grdp.figures"
"""Where :meth:`Result.plot` finds the charts (``grdp.figures.plot``)."""


class Result:
    """Base of every result: ``summary(lang=)``, ``to_frame()``, ``table(lang=)``, ``plot(ax=None)``, ``language()``.

    Subclasses (frozen dataclasses, mostly) implement :meth:`summary` and
    :meth:`to_frame`, and :meth:`table` where a reader's table differs from the
    numbers. A ``lang`` attribute, when the subclass has one, is the default
    language of :meth:`summary` and :meth:`table`.
    """

    _table_index: ClassVar[bool] = False
    """Whether the index of :meth:`table` carries labels (shown in the HTML view)."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # IPython's text view asks each class of the MRO in turn, and a dataclass's own __repr__ would
        # answer before this base's _repr_pretty_: give every result class its own.
        cls._repr_pretty_ = Result._repr_pretty_  # type: ignore[method-assign]

    def language(self, lang: str | None = None) -> Lang:
        """The language asked for, else the result's own, else Vietnamese; validated."""
        return check_lang(lang or getattr(self, "lang", None) or "vi")

    def summary(self, *, lang: Lang | None = None) -> str:
        """A few sentences for a report."""
        raise NotImplementedError

    def to_frame(self) -> pd.DataFrame:
        """The numbers behind the result."""
        raise NotImplementedError

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """The result as a reader's table (default: :meth:`to_frame`)."""
        return self.to_frame()

    def plot(self, ax: Axes | Any | None = None, **kwargs: Any) -> Figure:
        """The result's chart (:func:`grdp.figures.plot`): on ``ax`` if given, else on a new report figure."""
        figures = importlib.import_module(FIGURES_MODULE)
        return figures.plot(self, ax=ax, **kwargs)

    def __str__(self) -> str:
        return self.summary()

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(self.summary())

    def _repr_html_(self) -> str:
        text = html.escape(self.summary()).replace("\n", "<br>")
        return f"<p>{text}</p>" + self.table().to_html(index=self._table_index)
