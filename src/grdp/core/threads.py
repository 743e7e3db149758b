"""One BLAS/OpenMP thread while grdp fits its models: the speed of ``make`` without its environment variables.

The statistical models here are tiny state-space models (a dozen parameters,
fifty quarters). Their fits make thousands of small matrix calls, and OpenBLAS
hands each to every core it sees: on a machine where other processes compete
for the cores (a notebook kernel beside JupyterLab, a test run), the threads
wait for each other and a fit runs several times slower — with the same numbers.
The ``Makefile`` sets ``OPENBLAS_NUM_THREADS=1``; the command line, the notebooks
and the Python API run every fit inside :func:`one_blas_thread` instead, so
they are as fast without it. The user's own NumPy work outside a fit keeps the
threads it had.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

__all__ = ["FIT_THREADS", "one_blas_thread"]

FIT_THREADS = 1
"""BLAS/OpenMP threads a model fit may use."""


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Limit BLAS and OpenMP to :data:`FIT_THREADS` thread(s) inside the block; the previous limits return after.

    Nested blocks are fine. Results do not change: only how the work is spread.

    Examples
    --------
    >>> import numpy as np
    >>> with one_blas_thread():
    ...     float(np.ones((3, 3)) @ np.ones(3) @ np.ones(3))
    9.0
    """
    with _controller().limit(limits=FIT_THREADS):
        yield


@cache
def _controller() -> Any:
    """The thread pools of the loaded BLAS/OpenMP libraries, found once (a scan takes milliseconds, a limit µs).

    SciPy is imported first: statsmodels' state-space filter calls SciPy's BLAS, which
    ships as a library of its own beside NumPy's.
    """
    import scipy.linalg  # noqa: F401  (loads SciPy's BLAS before the scan)
    from threadpoolctl import ThreadpoolController  # imported here: `grdp check` fits nothing

    return ThreadpoolController()
