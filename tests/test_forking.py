"""Work in forked children (grdp.core.forking) and the model fits they hand back (grdp.forecast.methods).

``grdp report`` makes the backtest's fits in a forked child and takes them into its own store
(:func:`grdp.forecast.methods.add_fits`); these tests hold that hand-over to the fits this process
makes itself, to the bit, and check that a failed child gives ``None`` (the parent then fits).
"""

from __future__ import annotations

import sys

import pytest

from grdp.core import forking
from grdp.core.forking import ForkedCall, can_fork
from grdp.forecast import methods
from grdp.forecast.backtesting import backtest

linux_only = pytest.mark.skipif(sys.platform != "linux" or not can_fork(), reason="children are forked on Linux only")


def test_no_fork_is_honoured(monkeypatch):
    monkeypatch.delenv(forking.NO_FORK, raising=False)
    here = can_fork()
    monkeypatch.setenv(forking.NO_FORK, "1")
    assert not can_fork()
    monkeypatch.setenv(forking.NO_FORK, "0")
    assert can_fork() == here


@linux_only
def test_a_forked_call_returns_its_result_or_none():
    assert ForkedCall(lambda: {"sum": sum(range(10))}).result() == {"sum": 45}

    def fail() -> int:
        raise RuntimeError("no")

    assert ForkedCall(fail).result() is None


@linux_only
def test_fits_made_in_a_child_are_the_fits_made_here():
    years = [2023, 2024]

    def child_fits():
        methods.forget_fits()
        backtest(years=years)
        return methods.stored_fits()

    saved = dict(methods._Q4_FORECASTS)  # the session's fits, put back after
    try:
        fits = ForkedCall(child_fits).result()
        assert fits is not None and len(fits) == 2 * 5  # two origins, five models
        methods.forget_fits()
        assert methods.add_fits(fits) == len(fits)
        from_child = backtest(years=years).forecasts
        methods.forget_fits()
        here = backtest(years=years).forecasts
        assert from_child.equals(here)
        assert sorted(methods.stored_fits()) == sorted(fits)
        assert methods.add_fits(fits) == 0  # held already: kept
    finally:
        methods.forget_fits()
        methods._Q4_FORECASTS.update(saved)
