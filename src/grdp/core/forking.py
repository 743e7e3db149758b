"""Work done in a forked copy of this process while it goes on: where it is safe, and how a result comes back.

``grdp report`` spends its time in two kinds of work that do not need each
other: fitting the forecast models and drawing the figures. On a machine with
two cores (the office's laptops) a child made with ``fork`` can do one while
the parent does the other. A forked child is a copy of the parent at that
moment — the same data, the same objects, the same libraries — so what it
computes is what the parent would have computed, to the bit; nothing but the
result is pickled.

Only where that is safe (:func:`can_fork`): Linux (Windows has no ``fork``;
macOS' system libraries are not safe after it), two or more cores, and no other
Python thread in the process (a Jupyter kernel runs several; a thread holding a
lock at the fork would leave the child stuck), unless :data:`NO_FORK` is set.
Elsewhere the callers do the work here, in turn: the same results, only later.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

__all__ = ["CHILD_TIMEOUT", "NO_FORK", "ForkedCall", "can_fork"]

T = TypeVar("T")

CHILD_TIMEOUT = 300.0
"""Seconds to wait for a child before it is stopped and its work done in the parent (grdp's take a few seconds)."""


NO_FORK = "GRDP_NO_FORK"
"""Environment variable: set (to anything but ``""`` or ``"0"``) to do all the work in this process, in turn."""


def can_fork() -> bool:
    """Whether work may go to forked children here: Linux, two or more cores, no other Python thread, no :data:`NO_FORK`."""
    if os.environ.get(NO_FORK, "") not in ("", "0"):
        return False
    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return False
    return len(os.sched_getaffinity(0)) > 1 and threading.active_count() == 1


def _run(fn: Callable[[], object], send: Connection) -> None:
    """The child's work: send ``fn()``; on failure exit with code 1, quietly (the parent does the work and reports)."""
    try:
        send.send(fn())
    except BaseException:
        raise SystemExit(1) from None


class ForkedCall(Generic[T]):
    """``fn()`` run in a forked child from now on; :meth:`result` collects it (``None`` if the child failed).

    Call only where :func:`can_fork` holds. The result is pickled back.

    Examples
    --------
    >>> if can_fork():
    ...     print(ForkedCall(lambda: sum(range(10))).result())
    ... else:
    ...     print(45)
    45
    """

    def __init__(self, fn: Callable[[], T]) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._child = context.Process(target=_run, args=(fn, send), daemon=True)
        self._child.start()
        send.close()  # the child's end: the parent sees EOF when the child exits without sending

    def result(self, timeout: float = CHILD_TIMEOUT) -> T | None:
        """The child's result, waiting at most ``timeout`` seconds; ``None`` when it failed or took too long."""
        value: T | None = None
        try:
            if self._receive.poll(timeout):
                value = self._receive.recv()
        except Exception:  # the child died before sending (EOFError), or its result did not unpickle
            value = None
        finally:
            self.cancel()
        return value

    def cancel(self) -> None:
        """Stop the child (if still running) and release the pipe."""
        if self._child.is_alive():
            self._child.kill()
        self._child.join()
        self._receive.close()
