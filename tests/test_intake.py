"""data/processed is regenerated from data/raw by the code, to the byte."""

from __future__ import annotations

from grdp.io.intake import write_processed
from grdp.io.paths import processed_dir


def test_processed_files_are_what_the_code_writes(tmp_path):
    written = write_processed(tmp_path)
    assert [p.name for p in written] == ["plan_2025_indicators.csv", "plan_2025_tasks.csv"]
    for path in written:
        committed = processed_dir() / path.name
        assert committed.read_bytes() == path.read_bytes(), f"{path.name}: run `make report` and commit"


def test_two_runs_write_identical_bytes(tmp_path):
    a = [p.read_bytes() for p in write_processed(tmp_path / "a")]
    b = [p.read_bytes() for p in write_processed(tmp_path / "b")]
    assert a == b


def test_processed_plan_has_one_row_per_indicator(tmp_path):
    import pandas as pd

    (plan_csv, tasks_csv) = write_processed(tmp_path)
    plan = pd.read_csv(plan_csv, dtype={"stt": str})
    assert len(plan) == 24 and plan.loc[plan["stt"] == "8", "done_low"].item() == 71062.0
    assert len(pd.read_csv(tasks_csv)) == 146


def test_a_plan_of_its_own_writes_only_indicators(tmp_path, write_plan):
    written = write_processed(tmp_path / "out", plan_path=write_plan())
    assert [p.name for p in written] == ["plan_2025_indicators.csv"]
