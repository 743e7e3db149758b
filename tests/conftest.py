"""Shared fixtures. Expected values in tests carry their provenance in a comment."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import grdp
from grdp.paths import project_root, raw_dir, shared_dir

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
def plan() -> pd.DataFrame:
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


@pytest.fixture(scope="session")
def reference_levels() -> pd.DataFrame:
    """The statistics office's national quarterly levels in ../shared/reference (read, never copied)."""
    path = shared_dir() / "reference" / "national_quarterly_levels_nsdp.csv"
    if not path.is_file():
        pytest.skip("../shared/reference is absent")
    return pd.read_csv(path)
