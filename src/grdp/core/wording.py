"""The words around the numbers: how a result reads, in Vietnamese or in English.

Every summary, finding and chart label is written twice — Vietnamese by default,
English on request — with numbers in the style of the language
(:func:`grdp.core.numbers.format_number`: ``10,37`` in Vietnamese, ``10.37`` in
English). The pieces every result uses:

* :func:`phrase` — the Vietnamese or the English text;
* :func:`num`, :func:`signed`, :func:`span` — a number, a signed change and an
  interval inside a sentence;
* :func:`period_names` — the part of the year done and the rest
  (``9 tháng`` / ``quý IV``);
* :func:`probability`, :func:`target_probabilities`, :func:`share_of_years` —
  probabilities and shares as a report prints them;
* :class:`Prose` — a paragraph a notebook shows as Markdown (and as its text,
  which ``pytest --nbval`` compares).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from grdp.core.numbers import format_number
from grdp.core.periods import MONTHS_PER_YEAR
from grdp.core.typing import Lang

__all__ = [
    "phrase",
    "num",
    "signed",
    "span",
    "period_names",
    "probability",
    "target_probabilities",
    "share_of_years",
    "Prose",
]


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


def probability(p: float, lang: Lang) -> str:
    """A probability as a percentage to 0,1; ``< 0,1 %`` when it would print as zero but is not.

    >>> probability(0.0184, "vi"), probability(0.0002, "en"), probability(0.0, "vi")
    ('1,8 %', '< 0.1 %', '0,0 %')
    """
    if 0 < p < 0.0005:
        return f"< {num(0.1, 1, lang)} %"
    return f"{num(100 * p, 1, lang)} %"


def target_probabilities(prob_at_least: Callable[[float], float], targets: Iterable[float], lang: Lang) -> str:
    """``≥ 10,0 %: 3,4 %; ≥ 10,5 %: 1,2 %`` — the probability of reaching each target."""
    return "; ".join(f"≥ {num(t, 1, lang)} %: {probability(prob_at_least(t), lang)}" for t in targets)


def share_of_years(x: float, lang: Lang) -> str:
    """A share of years (0–1) as a whole percentage: ``85 %``."""
    return f"{num(100 * x, 0, lang)} %"


@dataclass(frozen=True)
class Prose:
    """A paragraph written by the library for a notebook: Markdown in the notebook, its text elsewhere.

    Its text view is the text itself, so ``pytest --nbval`` compares what a
    notebook says, not only that it said something.

    >>> Prose("**8,01 %** sau 9 tháng")
    **8,01 %** sau 9 tháng
    """

    text: str

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(self.text)
