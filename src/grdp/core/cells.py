"""Text that a spreadsheet would run: cells written to CSV or XLSX stay inert.

A cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read by Excel and LibreOffice as a formula (OWASP, "CSV injection").
grdp writes such text with a leading apostrophe in CSV files and as quoted text
in workbooks — except a plain signed number (``-0,5``, ``+3``), which a
spreadsheet reads as the number it is, and a lone ``-`` (a plan's "not given").
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["formula_like", "inert_text", "inert_frame"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[+-][\d.,\u00a0 ]*\d[\d.,\u00a0 ]*%?")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet would take ``text`` for a formula.

    >>> [formula_like(t) for t in ("=SUM(A1)", "-1+2", "@x", "-", "-0,5", "+3", "Công nghiệp")]
    [True, True, True, False, False, False, False]
    """
    return text.startswith(_FORMULA_START) and text != "-" and not _SIGNED_NUMBER.fullmatch(text)


def inert_text(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would read it as a formula.

    >>> print(inert_text("=HYPERLINK(1)"), inert_text("-1+2"), inert_text("@SUM(A1)"), inert_text("-"), inert_text("Công nghiệp"))
    '=HYPERLINK(1) '-1+2 '@SUM(A1) - Công nghiệp
    """
    return "'" + text if formula_like(text) else text


def inert_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell and column name made inert (numbers untouched)."""
    out = frame.copy()
    for column in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[column]) or pd.api.types.is_bool_dtype(out[column])):
            out[column] = [inert_text(v) if isinstance(v, str) else v for v in out[column]]
    out.columns = pd.Index([inert_text(c) if isinstance(c, str) else c for c in out.columns])
    return out
