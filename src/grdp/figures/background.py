"""Save figures in the background while the caller goes on computing: forked processes on Linux, in turn elsewhere.

Why. ``grdp report`` spends about 2.6 s drawing its 13 figures as PNG and SVG
and 3.3 s fitting the forecast models (measured on an idle 2-core machine). The
figures of the first sections (tasks, audit, sectors) are finished before the
fits begin, so on a machine with a second core they can be drawn while the fits
run: :class:`BackgroundFigures` hands each batch of figures to a child process
and the caller carries on; :meth:`BackgroundFigures.finish` waits for them
(the document embeds the PNGs). With the fits in a child of their own
(:class:`grdp.core.forking.ForkedCall`), ``grdp report`` went from 8.5 s to
5.2 s (``benchmarks/bench_report.py``).

How. A child is made with ``fork``: a copy of this process at that moment,
holding the very same :class:`~matplotlib.figure.Figure` objects, so nothing
is pickled and it draws exactly the bytes the parent would (tested: the same
files as :func:`~grdp.figures.style.save_figure` in turn). It writes its files
and exits; the parent's figures are left as they were (not laid out).

Where it is not used. Where :func:`grdp.core.forking.can_fork` does not hold
(Windows, where the office works; macOS; one core; a Jupyter kernel's threads),
every figure is saved here, in turn, by :func:`~grdp.figures.style.save_figure`:
the same files, only later.

Failure. A child that fails (it sends back no result) or does not finish
within :data:`grdp.core.forking.CHILD_TIMEOUT` seconds is stopped and its figures are saved again
here, so an error is raised from the parent, as without the children.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from grdp.core.forking import CHILD_TIMEOUT, ForkedCall, can_fork
from grdp.figures.style import FORMATS, figure_paths, save_figure

__all__ = ["BackgroundFigures"]

CHILD_NICENESS = 10
"""How much lower a figure child's priority is: the model fits, which the report waits for, come first;
the figures fill the time a core would otherwise be idle (they are needed only for the document, at the end)."""

Job = tuple[Any, Path]
"""A figure and the path to save it as (suffix replaced per format)."""


def _save_all(jobs: list[Job], formats: tuple[str, ...]) -> bool:
    """The child's work: save every figure, at a lower priority; ``True`` when done (a failure reaches the parent as
    no result, :class:`~grdp.core.forking.ForkedCall`, and the parent saves the figures again and reports)."""
    os.nice(CHILD_NICENESS)
    for fig, path in jobs:
        save_figure(fig, path, formats=formats)
    return True


class BackgroundFigures:
    """Figures saved in forked children as they are handed over, or in turn at :meth:`finish` where that is not possible.

    Parameters
    ----------
    formats : tuple of str
        As :func:`~grdp.figures.style.save_figure`.
    parallel : bool, optional
        Use children; default :func:`can_fork` (checked at each :meth:`submit`).

    Examples
    --------
    >>> import tempfile
    >>> from grdp.figures.style import new_figure
    >>> fig, ax = new_figure()
    >>> _ = ax.plot([1, 2, 3])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     saver = BackgroundFigures()
    ...     saver.submit([(fig, Path(tmp) / "chart")])
    ...     [p.name for p in saver.finish()]
    ['chart.png', 'chart.svg']
    """

    def __init__(self, *, formats: tuple[str, ...] = FORMATS, parallel: bool | None = None) -> None:
        figure_paths(Path("check"), formats)  # validate the formats now, in the parent
        self.formats = formats
        self.parallel = parallel
        self._jobs: list[Job] = []
        self._children: list[tuple[ForkedCall[bool], range]] = []

    def submit(self, jobs: Iterable[Job]) -> None:
        """Start saving ``jobs`` (figure, path) in a child, or keep them for :meth:`finish`."""
        jobs = [(fig, Path(path)) for fig, path in jobs]
        batch = range(len(self._jobs), len(self._jobs) + len(jobs))
        self._jobs += jobs
        if not jobs or not (can_fork() if self.parallel is None else self.parallel):
            return
        self._children.append((ForkedCall(functools.partial(_save_all, jobs, self.formats)), batch))

    def finish(self) -> list[Path]:
        """Wait for the children, save what none saved (or a child failed to), and return every file in the order submitted."""
        done: set[int] = set()
        for child, batch in self._children:
            if child.result(CHILD_TIMEOUT):  # None: failed or too slow, stopped; saved again below
                done.update(batch)
        self._children = []
        files: list[Path] = []
        for i, (fig, path) in enumerate(self._jobs):
            files += figure_paths(path, self.formats) if i in done else save_figure(fig, path, formats=self.formats)
        self._jobs = []
        return files

    def cancel(self) -> None:
        """Stop every child (the caller failed and will remove the folder); nothing is saved."""
        for child, _ in self._children:
            child.cancel()
        self._children, self._jobs = [], []
