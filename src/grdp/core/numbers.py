"""Read printed figures the way a Vietnamese statistician reads them, and write them back.

A plan table mixes conventions: ``8.01`` (decimal point), ``14,2-15,8`` (decimal
comma, a range), ``71,062`` tỷ đồng (comma as thousands separator), ``>3.338``
(dot as thousands separator), ``60.000 trở lên`` (60 000 or more), ``-`` (not
given). ``71,062`` and ``14,2`` have the same shape and different meanings, so a
number is read from its digit pattern first and its unit second:

1. Both ``.`` and ``,`` present: the last one is the decimal mark, the other
   groups thousands (``1.234,5`` = 1234.5; ``1,234.5`` = 1234.5).
2. One kind of separator, used more than once: it groups thousands
   (``1.234.567``); the groups must have three digits.
3. One separator, used once, **not** followed by exactly three digits: a
   decimal mark (``8.01``, ``14,2``, ``10,5``).
4. One separator followed by exactly three digits (``71,062``, ``3.338``,
   ``2,250``): thousands or three decimals? A leading ``0`` group means decimals
   (``0,125``). Otherwise the unit decides — see :data:`THOUSANDS_UNITS` and
   :data:`DECIMAL_UNITS` — and where it does not, the reading is ambiguous and
   :class:`~grdp.core.errors.InputError` is raised. It is never guessed.

Where the caller knows the convention (``style="vi"`` or ``"en"``), rules 3–4
give way to it; this is how :func:`format_number` output reads back exactly.

Qualifiers: ``>``, ``≥``/``>=``, ``trên`` (above), ``tối thiểu``/``ít nhất``
(at least), ``trở lên`` (… or more) give lower bounds; ``<``, ``≤``/``<=``,
``dưới`` (below), ``không quá``/``tối đa`` (at most), ``trở xuống`` give upper
bounds; ``khoảng``/``~``/``≈`` mark an approximate figure. Ranges use a hyphen,
en dash or em dash: ``14,2-15,8``, ``10–10,5``. A range is read at the precision
of its most precise end (``10-10,5`` is 10,0 to 10,5).

Text is normalised first: Unicode NFC (NFD input reads the same), non-breaking
and other spaces collapsed, the Unicode minus ``−`` read as ``-``, and the
full-width forms an East-Asian input method types (``１０，５``, ``％``, ``．``,
``，``, ``－``) read as their ASCII forms. Digits are ASCII ``0``-``9`` after that;
other scripts' digits (``٣``) are not a number.

A ``%`` after a figure is dropped where the row's unit is ``%`` (or unknown):
``80%`` in a ``%`` row is 80. In a row of another unit it is not a number.

A number must be finite: a figure of more digits than a float holds (309 and
more) is an error, never ``inf``. Whether a finite figure is *plausible* for
its indicator is for the plan reader to say (:mod:`grdp.io.plausible`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, get_args

from grdp.core.errors import InputError
from grdp.core.typing import Bound, Lang

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Bound",
    "Style",
    "PrintedValue",
    "parse_value",
    "parse_number",
    "format_number",
    "format_value",
    "format_frame",
    "normalise_text",
    "THOUSANDS_UNITS",
    "DECIMAL_UNITS",
    "INTEGER_UNITS",
]

Style = Lang
"""``"vi"``: decimal comma, dot groups thousands (1.234,5). ``"en"``: the reverse."""

THOUSANDS_UNITS: frozenset[str] = frozenset(
    {
        "tỷ đồng",
        "người",
        "lao động",
        "căn hộ",
        "căn",
        "hộ",
        "doanh nghiệp",
        "dự án",
        "lượt khách",
        "lượt",
        "ha",
    }
)
"""Units whose figures are large amounts or counts: ``71,062`` tỷ đồng is 71 062."""

INTEGER_UNITS: frozenset[str] = frozenset(
    {"người", "lao động", "căn hộ", "căn", "hộ", "doanh nghiệp", "dự án", "lượt khách", "lượt"}
)
"""Units that count whole things: a figure with decimals in them is an error."""

DECIMAL_UNITS: frozenset[str] = frozenset({"tỷ usd", "triệu lượt khách", "triệu lượt"})
"""Units whose figures are small for a province: ``2.040`` tỷ USD is 2,04 billion, not 2 040."""

_MISSING = frozenset({"", "-", "–", "—"})
_SPACES = re.compile(r"\s+")
_FULL_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": ".", "，": ",", "－": "-"})
_NUMBER = r"[0-9]+(?:[.,][0-9]+)*"
_SIGNED = rf"-?{_NUMBER}"
_NUMBER_RE = re.compile(_SIGNED)
_RANGE_RE = re.compile(rf"(?P<low>{_SIGNED})\s*[-–—]\s*(?P<high>{_SIGNED})")

# (text, bound) — longest first so ">=" wins over ">".
_PREFIXES: tuple[tuple[str, Bound], ...] = (
    (">=", ">="),
    ("≥", ">="),
    ("<=", "<="),
    ("≤", "<="),
    (">", ">"),
    ("<", "<"),
    ("tối thiểu", ">="),
    ("ít nhất", ">="),
    ("không quá", "<="),
    ("không vượt quá", "<="),
    ("tối đa", "<="),
    ("trên", ">"),
    ("dưới", "<"),
    ("khoảng", "approx"),
    ("≈", "approx"),
    ("~", "approx"),
)
_SUFFIXES: tuple[tuple[str, Bound], ...] = (
    ("trở lên", ">="),
    ("trở xuống", "<="),
)
_WORDS = {
    "vi": {">": ">", ">=": "≥", "<": "<", "<=": "≤", "approx": "khoảng "},
    "en": {">": ">", ">=": "≥", "<": "<", "<=": "≤", "approx": "≈"},
}


def normalise_text(text: object) -> str:
    """NFC, full-width digits and ``％．，－`` as ASCII, every run of whitespace (NBSP, line breaks …) to one space, stripped.

    >>> normalise_text("60.000 trở\\nlên")
    '60.000 trở lên'
    >>> normalise_text("１０，５％")
    '10,5%'
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    s = unicodedata.normalize("NFC", str(text)).translate(_FULL_WIDTH)
    return _SPACES.sub(" ", s).strip()


def _unit_key(unit: str | None) -> str | None:
    return None if unit is None else normalise_text(unit).casefold()


@dataclass(frozen=True)
class PrintedValue:
    """A figure as printed in a table: a number, a range, a bound, or nothing.

    Attributes
    ----------
    low, high : float or None
        The printed ends. Equal for a single number; ``None`` where unbounded
        (``>3.338`` has ``high=None``) or missing.
    bound : Bound
        ``"exact"``, ``"range"``, ``">"``, ``">="``, ``"<"``, ``"<="``,
        ``"approx"`` or ``"missing"``.
    precision : int or None
        Decimals printed (``8.01`` → 2, ``14,2-15,8`` → 1, ``71,062`` → 0);
        ``None`` when missing. The rounding half-width is ``0.5 * 10**-precision``.
    text : str
        The cell as found (not part of equality).
    """

    low: float | None
    high: float | None
    bound: Bound
    precision: int | None
    text: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.bound not in get_args(Bound):
            raise ValueError(f"bound must be one of: {', '.join(get_args(Bound))}")

    @property
    def is_missing(self) -> bool:
        return self.bound == "missing"

    @property
    def half_width(self) -> float:
        """Half the rounding interval of the printed figure (0.005 for ``8.01``)."""
        if self.precision is None:
            return math.nan
        return 0.5 * 10.0 ** (-self.precision)

    @property
    def value(self) -> float:
        """The single figure; raises for ranges, bounds and missing values."""
        if self.bound not in ("exact", "approx"):
            raise ValueError(f"{self.text!r} is a {self.bound} value, not a single figure")
        assert self.low is not None
        return self.low

    def format(self, *, style: Style = "vi") -> str:
        """The value written back in ``style`` (see :func:`format_value`)."""
        return format_value(self, style=style)

    def __str__(self) -> str:
        return self.format()


def _decimals(token: str, sep: str) -> int:
    return len(token.rsplit(sep, 1)[1]) if sep in token else 0


def _check_groups(token: str, sep: str, text: str) -> str:
    """Validate thousands groups ``1.234.567`` and return the bare digits."""
    head, *rest = token.split(sep)
    if not (1 <= len(head) <= 3) or any(len(g) != 3 for g in rest) or head.startswith("0"):
        raise InputError(
            f"'{sep}' cannot group thousands here (groups must be 1-3 digits, then 3)", text=text
        )
    return "".join([head, *rest])


def parse_number(
    token: str, *, unit: str | None = None, style: Style | None = None
) -> tuple[float, int]:
    """Read one printed number into ``(value, decimals)`` using the rules of this module.

    Parameters
    ----------
    token : str
        Digits with separators, optionally signed: ``"71,062"``, ``"-1,5"``.
    unit : str, optional
        The ĐVT of the row; decides a lone separator before three digits.
    style : {"vi", "en"}, optional
        Known convention; overrides the digit-pattern rules.

    Raises
    ------
    InputError
        When the token is not a number or cannot be read unambiguously.
    """
    text = normalise_text(token).replace("−", "-")
    if not re.fullmatch(_SIGNED, text):
        raise InputError("not a number", text=token)
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("-")
    seps = [c for c in body if c in ".,"]
    kinds = set(seps)
    decimal_mark: str | None
    if not seps:
        decimal_mark = None
    elif len(kinds) == 2:
        decimal_mark = seps[-1]
        if seps.count(decimal_mark) != 1:
            raise InputError("decimal mark used twice", text=token)
        if style is not None and decimal_mark != {"vi": ",", "en": "."}[style]:
            raise InputError(f"separators contradict the {style} style", text=token)
    elif style is not None:
        decimal_mark = {"vi": ",", "en": "."}[style]
        if seps[0] != decimal_mark:
            decimal_mark = None
        elif len(seps) > 1:
            raise InputError("decimal mark used twice", text=token)
    elif len(seps) > 1:
        decimal_mark = None
    else:
        decimal_mark = _lone_separator(body, seps[0], unit=unit, text=token)

    if decimal_mark is None:
        sep = seps[0] if seps else None
        digits = _check_groups(body, sep, token) if sep else body
        decimals = 0
    else:
        whole, frac = body.rsplit(decimal_mark, 1)
        thousands = "," if decimal_mark == "." else "."
        whole = _check_groups(whole, thousands, token) if thousands in whole else whole
        digits = f"{whole}.{frac}"
        decimals = len(frac)

    ukey = _unit_key(unit)
    if decimals and ukey in INTEGER_UNITS:
        raise InputError(f"a count in '{unit}' cannot have decimals", text=token)
    value = sign * float(Decimal(digits))
    if not math.isfinite(value):
        raise InputError(f"not a finite number: {len(digits.replace('.', ''))} digits are more than any figure can have",
                         text=token)
    return value, decimals


def _lone_separator(body: str, sep: str, *, unit: str | None, text: str) -> str | None:
    """Rule 3-4: one separator used once. Returns the decimal mark, or None for thousands."""
    head, tail = body.split(sep)
    if len(tail) != 3:
        return sep
    if head == "0":
        return sep
    ukey = _unit_key(unit)
    if ukey in THOUSANDS_UNITS:
        return None
    if ukey in DECIMAL_UNITS:
        return sep
    shown = f"'{unit}'" if unit else "no unit"
    raise InputError(
        f"ambiguous: '{sep}' before three digits may group thousands or mark decimals, "
        f"and the unit ({shown}) does not decide; write the figure unambiguously "
        f"(e.g. {head}{sep}{tail}0 or {head}{tail}) or give a known unit",
        text=text,
    )


def parse_value(text: object, *, unit: str | None = None, style: Style | None = None) -> PrintedValue:
    """Read a printed cell into a :class:`PrintedValue`.

    Parameters
    ----------
    text : str
        The cell: ``"8.01"``, ``"14,2-15,8"``, ``">3.338"``, ``"60.000 trở lên"``, ``"-"``.
    unit : str, optional
        The row's unit (ĐVT); decides ``71,062`` (see the module notes).
    style : {"vi", "en"}, optional
        The convention, where known.

    Returns
    -------
    PrintedValue

    Raises
    ------
    InputError
        Naming the text and the reason; readers add file, row and column.

    Examples
    --------
    >>> parse_value("14,2-15,8", unit="%")
    PrintedValue(low=14.2, high=15.8, bound='range', precision=1, text='14,2-15,8')
    >>> parse_value("71,062", unit="Tỷ đồng").low
    71062.0
    >>> parse_value("60.000 trở lên", unit="Người").bound
    '>='
    """
    raw = "" if text is None else str(text)
    s = normalise_text(text).replace("−", "-")
    if s in _MISSING:
        return PrintedValue(None, None, "missing", None, raw)
    if unit is None or normalise_text(unit) == "%":
        s = s.removesuffix("%").rstrip()

    bound: Bound = "exact"
    folded = s.casefold()
    for word, b in _PREFIXES:
        if folded.startswith(word):
            s, bound = s[len(word):].strip(), b
            break
    for word, b in _SUFFIXES:
        if s.casefold().endswith(word):
            if bound != "exact":
                raise InputError("two qualifiers on one figure", text=raw)
            s, bound = s[: -len(word)].strip(), b
            break

    m = _RANGE_RE.fullmatch(s)
    if m is not None:
        if bound != "exact":
            raise InputError("a qualifier on a range cannot be read", text=raw)
        lo, lo_dec = _located(m["low"], unit=unit, style=style, raw=raw)
        hi, hi_dec = _located(m["high"], unit=unit, style=style, raw=raw)
        if lo > hi:
            raise InputError("reversed range: the first end is larger than the second", text=raw)
        if lo == hi:
            raise InputError("a range with equal ends", text=raw)
        return PrintedValue(lo, hi, "range", max(lo_dec, hi_dec), raw)

    if not _NUMBER_RE.fullmatch(s):
        raise InputError("not a number, range or bound that grdp can read", text=raw)
    x, dec = _located(s, unit=unit, style=style, raw=raw)
    if bound in (">", ">="):
        return PrintedValue(x, None, bound, dec, raw)
    if bound in ("<", "<="):
        return PrintedValue(None, x, bound, dec, raw)
    return PrintedValue(x, x, bound, dec, raw)


def _located(token: str, *, unit: str | None, style: Style | None, raw: str) -> tuple[float, int]:
    """:func:`parse_number`, reporting the whole cell rather than the token on error."""
    try:
        return parse_number(token, unit=unit, style=style)
    except InputError as err:
        raise InputError(err.reason, text=raw) from None


def format_number(x: float, *, precision: int | None = None, style: Style = "vi") -> str:
    """Write a number with thousands grouped and the decimal mark of ``style``.

    Parameters
    ----------
    x : float
    precision : int, optional
        Decimals to print; default: as many as the shortest exact representation needs.
    style : {"vi", "en"}
        ``"vi"``: 1.234,5 — ``"en"``: 1,234.5.

    Examples
    --------
    >>> format_number(71062, precision=0)
    '71.062'
    >>> format_number(14.2, style="en")
    '14.2'
    """
    if style not in get_args(Style):
        raise ValueError(f"style must be one of: {', '.join(get_args(Style))}")
    if not math.isfinite(x):
        return "-"
    if precision is None:
        exponent = Decimal(repr(float(x))).normalize().as_tuple().exponent
        precision = max(0, -int(exponent))
    s = f"{x:,.{precision}f}"
    if s.startswith("-") and float(s.replace(",", "")) == 0:
        s = s[1:]
    return s.translate(str.maketrans(",.", ".,")) if style == "vi" else s


def format_value(value: PrintedValue, *, style: Style = "vi") -> str:
    """Write a :class:`PrintedValue` back as a cell: ``14,2–15,8``, ``>3.338``, ``≥60.000``, ``-``.

    ``parse_value(format_value(v, style=s), style=s) == v`` for every value
    (tested with hypothesis).
    """
    if value.bound == "missing":
        return "-"
    p = value.precision
    if value.bound == "range":
        assert value.low is not None and value.high is not None
        return (
            f"{format_number(value.low, precision=p, style=style)}"
            f"–{format_number(value.high, precision=p, style=style)}"
        )
    x = value.low if value.low is not None else value.high
    assert x is not None
    num = format_number(x, precision=p, style=style)
    if value.bound == "exact":
        return num
    return f"{_WORDS[style][value.bound]}{num}"


def format_frame(frame: pd.DataFrame, precision: int = 2, *, style: Style = "vi") -> pd.DataFrame:
    """A display copy of a DataFrame: numbers, and numeric row/column labels, written in ``style``.

    Empty (NaN) cells become ``""``. For notebook tables; the report keeps numbers as numbers.

    >>> import pandas as pd
    >>> format_frame(pd.DataFrame({0.82: [10.375, None]}, index=[1.0, 0.937]), 2)
             0,82
    1      10,38
    0,937
    """
    import pandas as pd

    out = frame.map(lambda x: format_number(float(x), precision=precision, style=style) if pd.notna(x) else "")
    relabel = lambda x: format_number(x, style=style) if isinstance(x, float) else x  # noqa: E731
    return out.rename(index=relabel, columns=relabel)
