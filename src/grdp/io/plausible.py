"""The range a plan figure can plausibly take, by indicator kind and unit.

A figure outside its range is a typo, not a plan: ``22.374.698,5`` as a GRDP
growth rate, ``7,961,604.8`` in a ``%`` column, a share of 130 %. The plan
reader refuses it with an :class:`~grdp.core.errors.InputError` naming file,
row, column and text, so it never reaches the audit's identities (where a
growth of millions of per cent implies a previous-year weight of zero).

The ranges are deliberately wide — they catch what no plan can mean, not what
is merely ambitious:

===================================  =====================  ===========================================
kind (:mod:`grdp.io.indicators`)     range                  why
===================================  =====================  ===========================================
``growth_rate``, ``unknown`` in %    above -100, to 1 000   a flow cannot fall by all of itself; no
                                                            provincial flow grows tenfold in a year
``share`` in %                       0 to 100               a part of a whole
``ratio`` in %                       0 to 1 000             a rate (≤ 100) or an attainment ("đạt 110 %
                                                            dự toán"), never tenfold
``level_flow``, ``cumulative_level``  -10^9 to 10^9         an amount, a count or a balance (a trade
                                                            deficit is negative); a billion of any plan
                                                            unit (tỷ đồng, people) is beyond a province
``ratio`` in another unit            0 to 10^9              per person, per 10 000 people
other units                          -10^9 to 10^9          a figure the audit can compute with
===================================  =====================  ===========================================

Each end of a range or a bound is checked (``>90`` has one end).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from grdp.core.numbers import PrintedValue, format_number, normalise_text
from grdp.core.typing import Kind

__all__ = ["PlausibleRange", "plausible_range", "implausibility"]

_MAX_GROWTH = 1_000.0
_MAX_LEVEL = 1e9


@dataclass(frozen=True)
class PlausibleRange:
    """The figures an indicator can plausibly print: ``low`` (exclusive when ``open_low``) to ``high``."""

    low: float
    high: float
    what: str
    open_low: bool = False

    def __contains__(self, x: float) -> bool:
        if not math.isfinite(x) or x > self.high:
            return False
        return x > self.low if self.open_low else x >= self.low

    def describe(self) -> str:
        """``above -100 and at most 1.000`` — in the words of an error message."""
        low = format_number(self.low, style="en")
        return f"{'above' if self.open_low else 'at least'} {low} and at most {format_number(self.high, style='en')}"


def plausible_range(kind: Kind, unit: str) -> PlausibleRange:
    """The plausible range of a figure of ``kind`` printed in ``unit`` (see the module notes).

    >>> plausible_range("growth_rate", "%").describe()
    'above -100 and at most 1,000'
    >>> 130 in plausible_range("share", "%")
    False
    """
    percent = normalise_text(unit) == "%"
    if kind == "share" and percent:
        return PlausibleRange(0.0, 100.0, "a share in %")
    if kind == "ratio" and percent:  # a rate, or an attainment such as 110 % of the budget estimate
        return PlausibleRange(0.0, _MAX_GROWTH, "a rate in %")
    if kind == "growth_rate" or percent:
        return PlausibleRange(-100.0, _MAX_GROWTH, "a growth rate in %", open_low=True)
    if kind in ("level_flow", "cumulative_level"):  # a balance (exports less imports) may be negative
        return PlausibleRange(-_MAX_LEVEL, _MAX_LEVEL, "an amount, a count or a balance")
    if kind == "ratio":
        return PlausibleRange(0.0, _MAX_LEVEL, "an amount per person")
    return PlausibleRange(-_MAX_LEVEL, _MAX_LEVEL, "a figure")


def implausibility(value: PrintedValue, kind: Kind, unit: str) -> str | None:
    """Why ``value`` cannot be a figure of ``kind`` in ``unit``; ``None`` when it can.

    >>> from grdp.core.numbers import parse_value
    >>> implausibility(parse_value("7,961,604.8", unit="%"), "growth_rate", "%")
    'not plausible for a growth rate in %: 7,961,604.8 is not above -100 and at most 1,000'
    >>> implausibility(parse_value("10-10,5", unit="%"), "growth_rate", "%") is None
    True
    """
    rng = plausible_range(kind, unit)
    for x in (value.low, value.high):
        if x is not None and x not in rng:
            return f"not plausible for {rng.what}: {format_number(x, style='en')} is not {rng.describe()}"
    return None
