"""The grdp command: exit codes and one-line errors.

Exit status and the one-line error are tested on a real process (``python -m grdp.cli``); what the
commands print, in this process (``grdp_cli``, tests/conftest.py).
"""

from __future__ import annotations

import subprocess
import sys


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "grdp.cli", *args], capture_output=True, text=True, timeout=120)


def test_intake_writes_to_the_folder_given(tmp_path, grdp_cli):
    res = grdp_cli("intake", "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "plan_2025_indicators.csv").is_file() and (tmp_path / "plan_2025_tasks.csv").is_file()


def test_unreadable_plan_exits_2_with_one_line(write_plan, tmp_path):
    path = write_plan({("1", "Mục tiêu Quý IV"): "15,8-14,2"})
    res = run("intake", "--plan", str(path), "--out", str(tmp_path / "out"))
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
    assert res.stderr == "grdp: error: plan.csv, row 3, column 'Mục tiêu Quý IV': '15,8-14,2': reversed range: the first end is larger than the second\n"


def test_missing_file_exits_2(tmp_path):
    res = run("intake", "--plan", str(tmp_path / "nope.csv"), "--out", str(tmp_path))
    assert res.returncode == 2 and "file not found" in res.stderr and "Traceback" not in res.stderr


def test_forecast_from_the_plans_nine_months(grdp_cli):
    res = grdp_cli("forecast", "--lang", "en")
    assert res.returncode == 0, res.stderr
    assert "8.01 %" in res.stdout  # the plan's 9-month GRDP growth, seed line 22
    assert "≥ 10.0 %" in res.stdout and "≥ 10.5 %" in res.stdout  # probabilities of both target ends (seed line 22)


def test_whatif_construction_at_20_percent(grdp_cli):
    # Issue 6's meeting question; the sector model's numbers are tested in tests/test_scenarios.py.
    res = grdp_cli("whatif", "construction=20")
    assert res.returncode == 0, res.stderr
    assert "Xây dựng 20 %" in res.stdout and "GRDP cả năm" in res.stdout


def test_whatif_unknown_sector_exits_2_with_one_line(grdp_cli):
    res = grdp_cli("whatif", "building=20")
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "construction" in res.stderr
