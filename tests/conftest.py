"""Shared fixtures. Expected values in tests carry their provenance in a comment."""

from __future__ import annotations

import csv
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

import grdp
from grdp.io.paths import project_root, raw_dir, shared_dir

SEED = "000_824fb1e7a767da90.txt"
PLAN_HEADER = [
    "STT",
    "Chỉ tiêu",
    "ĐVT",
    "Kết quả 9 tháng",
    "Mục tiêu Quý IV",
    "Mục tiêu năm 2025",
    "Đơn vị chủ trì thực hiện",
    "Đơn vị theo dõi tổng hợp báo cáo",
    "Ghi chú",
]


@pytest.fixture(scope="session")
def root() -> Path:
    return project_root()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (raw_dir() / SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def plan() -> grdp.Plan:
    return grdp.load_plan()


@pytest.fixture(scope="session")
def plan_rows() -> list[list[str]]:
    """The embedded plan's CSV cells, header first."""
    with open(raw_dir() / "plan_2025_indicators.csv", encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


@pytest.fixture
def write_plan(tmp_path: Path, plan_rows: list[list[str]]) -> Callable[..., Path]:
    """Write a modified copy of the embedded plan; ``edit`` maps (STT, column) -> new text."""

    def _write(edit: dict[tuple[str, str], str] | None = None, *, name: str = "plan.csv",
               rows: list[list[str]] | None = None, encoding: str = "utf-8") -> Path:
        data = [list(r) for r in (rows if rows is not None else plan_rows)]
        header = data[0]
        for (stt, column), text in (edit or {}).items():
            row = next(r for r in data[1:] if r[0] == stt)
            row[header.index(column)] = text
        path = tmp_path / name
        with open(path, "w", encoding=encoding, newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(data)
        return path

    return _write


@dataclass(frozen=True)
class CliRun:
    """What a run of the command gave: exit status, standard output and standard error."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def grdp_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliRun]:
    """Run ``grdp ARGS…`` in this process (``grdp.cli.main``, as the entry point does), like a subprocess would.

    Warnings are printed as the command prints them (one line each, after the output). Tests of the
    process itself (exit status of the real entry point, what a fresh interpreter imports) start one.
    """
    from grdp.cli import main

    def run(*args: str) -> CliRun:
        capsys.readouterr()
        saved = warnings.formatwarning
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("default")
                try:
                    code = main(list(args))
                except SystemExit as exit_:  # argparse's usage errors
                    code = exit_.code if isinstance(exit_.code, int) else 2
            printed = "".join(warnings.formatwarning(w.message, w.category, w.filename, w.lineno, None) for w in caught)
        finally:
            warnings.formatwarning = saved
        out, err = capsys.readouterr()
        return CliRun(code, out, err + printed)

    return run


@pytest.fixture(scope="session")
def report_vi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded plan's report in Vietnamese (``grdp report``'s default), built once for the whole session."""
    from grdp.report.build import build_report

    out = tmp_path_factory.mktemp("report") / "vi"
    build_report(out_dir=out, lang="vi", progress=None)
    return out


@pytest.fixture(scope="session")
def reference_levels() -> pd.DataFrame:
    """The statistics office's national quarterly levels in ../shared/reference (read, never copied)."""
    path = shared_dir() / "reference" / "national_quarterly_levels_nsdp.csv"
    if not path.is_file():
        pytest.skip("../shared/reference is absent")
    return pd.read_csv(path)


class HandSectorModel:
    """The sector model's arithmetic by hand, from the seed's figures and the published structure (no grdp code)."""

    # Seed Phụ lục 1 rows 2.1-2.4: 9 months / Q4 target / annual target (gross output growth, %).
    plan = {
        "agriculture": (2.6, 8.9, 4.4),
        "industry": (10.5, 16.7, 12.5),
        "construction": (8.5, 29.0, 15.4),
        "services": (7.9, 14.6, 10.0),
    }
    # The merged province's 2025 structure (Party Congress estimate, provinces_hungyen_thaibinh.csv):
    # agriculture 11.9, industry + construction 55.8, services 27.2, taxes 5.1 % of GRDP; industry split 0.82.
    shares = {"agriculture": 0.119, "industry": 0.558 * 0.82, "construction": 0.558 * 0.18, "services": 0.272}
    s_va = sum(shares.values())  # 0.949: taxes grow like value added

    def __init__(self) -> None:
        # Calibrated on the 9 months: 8.01 / (sum(s_i g9_i) / S_VA) = 0.93657.
        self.bridge = 8.01 / (sum(self.shares[s] * self.plan[s][0] for s in self.shares) / self.s_va)

    def grdp(self, annual: dict[str, float], bridge: float | None = None) -> float:
        """GRDP growth with previous-year weights, taxes like GVA: bridge * sum(s_i g_i) / sum_VA(s)."""
        b = self.bridge if bridge is None else bridge
        return b * sum(self.shares[s] * annual[s] for s in self.shares) / self.s_va


@pytest.fixture(scope="session")
def hand_model() -> HandSectorModel:
    """The sector model's numbers derived by hand (see :class:`HandSectorModel`)."""
    return HandSectorModel()


@pytest.fixture(scope="session")
def plan_model():
    """The sector model of the embedded 2025 plan (``grdp.sector_model(grdp.load_plan())``)."""
    return grdp.sector_model(grdp.load_plan())
