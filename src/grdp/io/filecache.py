"""Read a data file once per process: results kept by the file's resolved path, modification time and size.

The report, the backtest and the forecasts all start from the same few files in
``data/raw``; reading and typing them again for each caller cost more than the
analyses. :func:`read_once` wraps a reader of one path: the first call reads,
later calls with the same file — unchanged on disk — get a copy of what was
read. A file edited in between (another modification time or size) is read
again. A DataFrame or Series is copied on the way out, so a caller that changes
what it got changes nothing for the next one; other results must be immutable.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["FileStamp", "file_stamp", "read_once", "copy_out"]

FileStamp = tuple[str, int, int]
"""A file's resolved path, modification time (ns) and size (bytes)."""

T = TypeVar("T")


def file_stamp(path: str | os.PathLike[str]) -> FileStamp:
    """The key a file's reading is kept under (``FileNotFoundError`` if it is missing)."""
    resolved = Path(path).resolve()
    st = resolved.stat()
    return str(resolved), st.st_mtime_ns, st.st_size


def copy_out(value: T) -> T:
    """A copy of a DataFrame or Series (pandas objects are mutable); anything else as it is."""
    copy = getattr(value, "copy", None)
    if copy is not None and type(value).__module__.startswith("pandas"):
        return copy()
    return value


def read_once(reader: Callable[..., T]) -> Callable[..., T]:
    """Wrap ``reader(path, *args)`` so that each unchanged file is read once per process.

    The extra positional arguments (hashable) are part of the key. The wrapped
    function keeps ``reader``'s name and docstring, and has ``cache_clear()``.
    """
    kept: dict[tuple[Any, ...], Any] = {}

    @functools.wraps(reader)
    def wrapper(path: str | os.PathLike[str], *args: Any) -> T:
        key = (file_stamp(path), *args)
        if key not in kept:
            kept[key] = reader(path, *args)
        return copy_out(kept[key])

    wrapper.cache_clear = kept.clear  # type: ignore[attr-defined]
    return wrapper
