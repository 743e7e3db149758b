"""No repeated work: each data file read once, each distinct model fitted once, every fit on one BLAS thread."""

from __future__ import annotations

import os
import time

import numpy as np
import pytest

from grdp.core.threads import FIT_THREADS, one_blas_thread
from grdp.io.datasets import national_releases, provinces
from grdp.io.filecache import read_once


def test_a_file_is_read_once_and_again_when_it_changes(tmp_path):
    calls = []

    @read_once
    def reader(path):
        calls.append(path)
        import pandas as pd

        return pd.read_csv(path)

    f = tmp_path / "a.csv"
    f.write_text("x\n1\n", encoding="utf-8")
    first = reader(f)
    first.loc[0, "x"] = 99  # a caller changing what it got changes nothing for the next one
    assert reader(str(f))["x"].tolist() == [1] and len(calls) == 1  # same file by another spelling: not read again
    f.write_text("x\n1\n2\n", encoding="utf-8")  # another size
    os.utime(f, ns=(time.time_ns(), time.time_ns() + 1))
    assert reader(f)["x"].tolist() == [1, 2] and len(calls) == 2


def test_shipped_datasets_come_back_as_copies():
    a = national_releases()
    a["value"] = 0.0
    assert national_releases()["value"].abs().sum() > 0
    p = provinces()
    p.loc[:, "value"] = ""
    assert (provinces()["value"] != "").all()


def test_a_distinct_fit_runs_once(monkeypatch):
    from grdp.forecast.methods import METHODS, fitted_q4, forget_fits
    from grdp.forecast.origin import national_origin

    origin = national_origin(2024)
    method = METHODS["sarimax"]
    calls = []
    real = type(method).forecast_q4

    def counting(self, growth):
        calls.append(1)
        return real(self, growth)

    forget_fits()
    monkeypatch.setattr(type(method), "forecast_q4", counting)
    first = method.predict(origin)
    again = method.predict(national_origin(2024))
    assert first == again and len(calls) == 1
    forget_fits()
    assert fitted_q4(method, origin.quarters) == real(method, origin.quarters) and len(calls) == 2


def test_fits_run_on_one_blas_thread_and_the_limit_is_lifted_after():
    import scipy.linalg  # noqa: F401  (its BLAS is the one statsmodels' filter calls)
    from threadpoolctl import threadpool_info

    before = [p["num_threads"] for p in threadpool_info()]
    with one_blas_thread():
        assert {p["num_threads"] for p in threadpool_info()} == {FIT_THREADS}
        assert float(np.ones(2) @ np.ones(2)) == 2.0
    assert [p["num_threads"] for p in threadpool_info()] == before


@pytest.mark.parametrize("name", ["sarimax", "ets"])
def test_a_fit_sees_one_thread(monkeypatch, name):
    from threadpoolctl import threadpool_info, threadpool_limits

    from grdp.forecast.methods import METHODS, forget_fits
    from grdp.forecast.origin import national_origin

    seen = []
    method = METHODS[name]
    real = type(method).forecast_q4

    def spy(self, growth):
        seen.extend(p["num_threads"] for p in threadpool_info())
        return real(self, growth)

    forget_fits()
    monkeypatch.setattr(type(method), "forecast_q4", spy)
    with threadpool_limits(limits=2):  # as a user's session may have it (the Makefile sets 1 for the tests)
        method.predict(national_origin(2023))
        assert {p["num_threads"] for p in threadpool_info()} == {2}
    forget_fits()
    assert seen and set(seen) == {FIT_THREADS}
