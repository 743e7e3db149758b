"""Options validated once, where they enter, with one error shape.

Every keyword option of grdp that takes one of a few strings, a weight or an
interval level is checked by one of these helpers, so that a wrong value always
reads the same way: ``"lang must be one of: 'vi', 'en'"``,
``"rest_weight must be in (0, 1]: the rest's share of the previous year"``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any, TypeVar, get_args

from grdp.core.typing import Lang

__all__ = ["check_option", "check_literal", "check_lang", "check_weight", "check_level", "check_finite"]

T = TypeVar("T", bound=str)


def check_option(name: str, value: str, allowed: Iterable[str]) -> str:
    """``value`` if it is one of ``allowed``; ``ValueError`` naming the option and its values otherwise.

    >>> check_option("vintage", "first", ("first", "latest"))
    'first'
    >>> check_option("vintage", "last", ("first", "latest"))
    Traceback (most recent call last):
    ...
    ValueError: vintage must be one of: 'first', 'latest'
    """
    options = tuple(allowed)
    if value not in options:
        raise ValueError(f"{name} must be one of: {', '.join(repr(a) for a in options)}")
    return value


def check_literal(name: str, value: str, alias: Any) -> Any:
    """:func:`check_option` against the values of a ``Literal`` alias of :mod:`grdp.core.typing`."""
    return check_option(name, value, get_args(alias))


def check_lang(lang: str) -> Lang:
    """Validate a ``lang`` option: ``"vi"`` or ``"en"``."""
    return check_literal("lang", lang, Lang)


def check_finite(name: str, value: float) -> float:
    """``float(value)``, or ``ValueError`` when it is not a finite number."""
    x = float(value)
    if not math.isfinite(x):
        raise ValueError(f"{name} must be a finite number")
    return x


def check_weight(name: str, value: float, *, what: str = "the rest's share of the previous year",
                 closed: bool = True) -> float:
    """A weight in (0, 1] (``closed=False``: in (0, 1)); ``ValueError`` naming it otherwise.

    >>> check_weight("q4_weight", 0.32)
    0.32
    >>> check_weight("q4_weight", 1.0, closed=False)
    Traceback (most recent call last):
    ...
    ValueError: q4_weight must be in (0, 1): the rest's share of the previous year
    """
    x = float(value)
    ok = 0 < x <= 1 if closed else 0 < x < 1
    if not ok:
        raise ValueError(f"{name} must be in (0, {'1]' if closed else '1)'}: {what}")
    return x


def check_level(level: float) -> float:
    """An interval level in (0, 1), e.g. 0.8."""
    x = float(level)
    if not 0 < x < 1:
        raise ValueError("level must be in (0, 1), e.g. 0.8")
    return x
