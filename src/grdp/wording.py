"""The words around the numbers: how a result reads, in Vietnamese or in English.

Every summary, finding and chart label is written twice — Vietnamese by default,
English on request — with numbers in the style of the language
(:func:`grdp.numbers.format_number`: ``10,37`` in Vietnamese, ``10.37`` in
English). The pieces every result uses:

* :func:`phrase` — the Vietnamese or the English text;
* :func:`num`, :func:`signed`, :func:`span` — a number, a signed change and an
  interval inside a sentence;
* :func:`period_names` — the part of the year done and the rest
  (``9 tháng`` / ``quý IV``);
* :class:`SummaryDisplay` — how a result with ``summary()`` and ``table()`` shows
  itself: as its summary in text, as the summary over its table in a notebook.
"""

from __future__ import annotations

import html
from typing import Any, ClassVar

from .labels import Lang
from .numbers import format_number
from .plan import MONTHS_PER_YEAR

__all__ = ["phrase", "num", "signed", "span", "period_names", "SummaryDisplay"]


def phrase(lang: Lang, vi: str, en: str) -> str:
    """The Vietnamese text, or the English one when ``lang`` is ``"en"``.

    >>> phrase("vi", "Cả năm", "Year"), phrase("en", "Cả năm", "Year")
    ('Cả năm', 'Year')
    """
    return vi if lang == "vi" else en


def num(x: float, precision: int, lang: Lang) -> str:
    """A number written in the style of ``lang`` at ``precision`` decimals.

    >>> num(10.372, 2, "vi"), num(10.372, 2, "en")
    ('10,37', '10.37')
    """
    return format_number(float(x), precision=precision, style=lang)


def signed(x: float, precision: int, lang: Lang) -> str:
    """A change with its sign: ``+0,21``, ``-0,10``; no sign when it rounds to zero.

    >>> signed(0.2125, 2, "vi"), signed(-0.1, 2, "vi"), signed(0.001, 2, "vi")
    ('+0,21', '-0,10', '0,00')
    """
    text = num(x, precision, lang)
    return text if text.startswith("-") or float(round(x, precision)) == 0 else "+" + text


def span(interval: tuple[float, float], precision: int, lang: Lang) -> str:
    """An interval in running text: ``10,78–11,36``; one number when both ends print alike.

    With a negative end the ends are joined by a word (``-1,0 đến 1,0``): a dash
    would read as a minus.

    >>> span((10.781, 11.364), 2, "vi"), span((-1.0, 1.0), 1, "en"), span((0.8201, 0.8199), 2, "vi")
    ('10,78–11,36', '-1.0 to 1.0', '0,82')
    """
    lo, hi = interval
    a, b = num(lo, precision, lang), num(hi, precision, lang)
    if a == b:
        return a
    if lo < 0 or hi < 0:
        return f"{a} {phrase(lang, 'đến', 'to')} {b}"
    return f"{a}–{b}"


def period_names(months_done: int, lang: Lang) -> tuple[str, str]:
    """The names of the part of the year done and of the rest, for a plan split after ``months_done`` months.

    >>> period_names(9, "vi"), period_names(6, "en")
    (('9 tháng', 'quý IV'), ('6 months', 'the last 6 months'))
    """
    rest = MONTHS_PER_YEAR - months_done
    if lang == "vi":
        return f"{months_done} tháng", ("quý IV" if rest == 3 else f"{rest} tháng cuối năm")
    return f"{months_done} months", ("Q4" if rest == 3 else f"the last {rest} months")


class SummaryDisplay:
    """How a result with ``summary(lang=...)`` and ``table(lang=...)`` shows itself.

    ``str()`` and IPython's text view give the summary; a notebook's HTML view
    gives the summary (one paragraph, its lines kept) over the table. Set
    ``_table_index = True`` on a result whose table's index carries labels.
    """

    _table_index: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # IPython's text view asks each class of the MRO in turn, and a dataclass's own __repr__ would
        # answer before this mixin's _repr_pretty_: give every result class its own.
        cls._repr_pretty_ = SummaryDisplay._repr_pretty_  # type: ignore[method-assign]

    def summary(self, *, lang: Lang | None = None) -> str:
        raise NotImplementedError

    def table(self, *, lang: Lang | None = None) -> Any:
        raise NotImplementedError

    def __str__(self) -> str:
        return self.summary()

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(self.summary())

    def _repr_html_(self) -> str:
        text = html.escape(self.summary()).replace("\n", "<br>")
        return f"<p>{text}</p>" + self.table().to_html(index=self._table_index)
