"""Errors and warnings for input that a statistician must look at.

One rule runs through the package: a printed figure that cannot be read
unambiguously is never guessed. It raises :class:`InputError`, which names the
file, the row, the column and the text, so the message can be acted on without
a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["InputError", "PlanWarning", "Location", "OutputError"]


@dataclass(frozen=True)
class Location:
    """Where a cell was read: file name, spreadsheet row (header = 1) and column."""

    file: str | None = None
    row: int | None = None
    column: str | None = None

    def merged(self, other: Location) -> Location:
        """Fill what this location lacks from ``other``; known parts are kept."""
        return Location(
            file=self.file if self.file is not None else other.file,
            row=self.row if self.row is not None else other.row,
            column=self.column if self.column is not None else other.column,
        )

    def __str__(self) -> str:
        parts = []
        if self.file is not None:
            parts.append(self.file)
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)


class InputError(ValueError):
    """A file or a printed value that cannot be read unambiguously.

    Parameters
    ----------
    reason : str
        What is wrong, in a sentence a statistician can act on.
    text : str, optional
        The offending text exactly as found.
    file, row, column : optional
        Where it was found. Lower layers (the number parser) raise without a
        location; the readers add it with :meth:`at`.

    Examples
    --------
    >>> err = InputError("reversed range", text="15,8-14,2").at(file="plan.csv", row=3, column="ĐVT")
    >>> str(err)
    "plan.csv, row 3, column 'ĐVT': '15,8-14,2': reversed range"
    """

    def __init__(
        self,
        reason: str,
        *,
        text: str | None = None,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.reason = reason
        self.text = text
        self.location = Location(file=file, row=row, column=column)
        super().__init__(str(self))

    def at(
        self, *, file: str | None = None, row: int | None = None, column: str | None = None
    ) -> InputError:
        """Return a copy located at ``file``/``row``/``column`` (known parts kept)."""
        loc = self.location.merged(Location(file=file, row=row, column=column))
        return InputError(self.reason, text=self.text, **_as_kwargs(loc))

    def __str__(self) -> str:
        where = str(self.location)
        what = f"'{self.text}'" if self.text is not None else ""
        head = ": ".join(p for p in (where, what) if p)
        return f"{head}: {self.reason}" if head else self.reason

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:  # keep pickling (multiprocessing, pytest-xdist) working
        return (_rebuild, (self.reason, self.text, self.location))


def _as_kwargs(loc: Location) -> dict:
    return {"file": loc.file, "row": loc.row, "column": loc.column}


def _rebuild(reason: str, text: str | None, loc: Location) -> InputError:
    return InputError(reason, text=text, **_as_kwargs(loc))


class PlanWarning(UserWarning):
    """Something in a plan file was read, but deserves a look (unknown indicator, re-encoded file …)."""


class OutputError(OSError):
    """A report or table cannot be written where asked: one line saying where and why (the CLI exits 2)."""
