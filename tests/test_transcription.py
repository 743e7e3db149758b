"""The raw plan tables are exactly the seed's text: every cell, in order, nothing added or lost."""

from __future__ import annotations

import csv
import re
import unicodedata

import pytest

from grdp.io.paths import raw_dir


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _read(name: str) -> list[list[str]]:
    with open(raw_dir() / name, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_indicator_header_is_the_published_one():
    assert _read("plan_2025_indicators.csv")[0] == [
        "STT", "Chỉ tiêu", "ĐVT", "Kết quả 9 tháng", "Mục tiêu Quý IV", "Mục tiêu năm 2025",
        "Đơn vị chủ trì thực hiện", "Đơn vị theo dõi tổng hợp báo cáo", "Ghi chú",
    ]


def test_every_indicator_cell_occurs_in_the_seed(seed_text):
    seed = _norm(seed_text)
    for row in _read("plan_2025_indicators.csv"):
        for cell in row:
            assert _norm(cell) in seed, cell


def test_indicator_cells_in_order_are_the_seed_appendix_1(seed_text):
    # Phụ lục 1 runs from its table header ("STT Chỉ tiêu …") to " Phụ lục 2:" (seed lines 7-115).
    body = seed_text[seed_text.index("STT Chỉ tiêu") : seed_text.index(" Phụ lục 2:")]
    joined = " ".join(cell for row in _read("plan_2025_indicators.csv") for cell in row if cell)
    assert joined == _norm(body)


def test_indicator_rows_are_sections_group_and_24_items():
    stts = [r[0] for r in _read("plan_2025_indicators.csv")[1:]]
    assert stts == ["I", "1", "2", "2.1", "2.2", "2.3", "2.4", *map(str, range(3, 13)),
                    "II", *map(str, range(13, 20)), "III", "20", "21"]


def test_transcription_keeps_the_printed_typos_and_forms():
    rows = {r[0]: r for r in _read("plan_2025_indicators.csv")}
    assert rows["2.1"][1] == "Nông, lâm ngiệp và thủy sản"  # "ngiệp" as printed (seed line 25)
    assert rows["1"][4:6] == ["14,2-15,8", "10-10,5"]  # seed line 22
    assert rows["8"][3:6] == ["71,062", ">3.338", ">74.400"]  # seed line 63
    assert rows["16"][3:6] == ["45,400", "14.600 trở lên", "60.000 trở lên"]  # seed lines 87-91
    assert rows["2.3"][6] == "Sở Xây dựng; các Ban quản lý dự án;các xã, phường"  # no space after ';' (line 33)


def test_every_task_cell_occurs_in_the_seed(seed_text):
    seed = _norm(seed_text)
    header, *rows = _read("plan_2025_tasks.csv")
    for cell in header[2:]:
        assert _norm(cell) in seed, cell
    for row in rows:
        for cell in row:
            assert _norm(cell) in seed, cell


def test_task_cells_in_order_are_the_seed_appendix_2(seed_text):
    body = seed_text[seed_text.index("I Sở Công Thương") :]
    header, *rows = _read("plan_2025_tasks.csv")
    parts: list[str] = []
    section = None
    for sec, dept, no, task, deadline, note in rows:
        if sec != section:
            parts.append(f"{sec} {dept}")
            section = sec
        parts.append(" ".join(p for p in (no, task, deadline, note) if p))
    assert " ".join(parts) == _norm(body)


@pytest.mark.parametrize("name", ["plan_2025_indicators.csv", "plan_2025_tasks.csv"])
def test_raw_tables_are_nfc_utf8_with_lf(name):
    data = (raw_dir() / name).read_bytes()
    text = data.decode("utf-8")
    assert not data.startswith(b"\xef\xbb\xbf")
    assert "\r" not in text
    assert unicodedata.normalize("NFC", text) == text
