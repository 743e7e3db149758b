"""load_tasks and parse_deadline on Phụ lục 2."""

from __future__ import annotations

import pandas as pd
import pytest

from grdp import load_tasks, parse_deadline, tasks_by_department

# Tasks per section, counted in the seed's Phụ lục 2 (lines 116-end).
TASKS_PER_SECTION = {
    "I": 14, "II": 5, "III": 9, "IV": 3, "V": 13, "VI": 17, "VII": 2, "VIII": 2, "IX": 9, "X": 5,
    "XI": 5, "XII": 15, "XIII": 17, "XIV": 3, "XV": 5, "XVI": 2, "XVII": 4, "XVIII": 3, "XIX": 3,
    "XX": 4, "XXI": 6,
}


@pytest.fixture(scope="module")
def tasks() -> pd.DataFrame:
    return load_tasks()


def test_every_task_is_kept(tasks):
    assert len(tasks) == 146 == sum(TASKS_PER_SECTION.values())
    assert tasks.groupby("section", sort=False).size().to_dict() == TASKS_PER_SECTION
    assert tasks.attrs["year"] == 2025


def test_departments_as_printed(tasks):
    assert tasks["department"].nunique() == 21
    assert tasks.loc[tasks["section"] == "XIX", "department"].iloc[0] == "Thống kê tỉnh"


def test_deadline_kinds(tasks):
    # Seed: 20 x "Tháng 10", 28 x "Tháng 11", 12 x "Tháng 12", 14 x "Quý IV", 63 x "Thường xuyên",
    # 3 x "Hằng tháng" and one each of the other recurring forms, 1 span, 1 condition, 1 "Đột suất".
    assert tasks["deadline_kind"].value_counts().to_dict() == {
        "recurring": 69, "month": 60, "quarter": 14, "span": 1, "conditional": 1, "ad_hoc": 1,
    }
    months = tasks.loc[tasks["deadline_kind"] == "month", "deadline_end"].value_counts().to_dict()
    assert months == {"2025-11": 28, "2025-10": 20, "2025-12": 12}


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "recurrence"),
    [
        ("Tháng 10", "month", "2025-10", "2025-10", ()),
        ("Quý IV", "quarter", "2025Q4", "2025Q4", ()),
        ("Tháng 9-quý I/2026", "span", "2025-09", "2026Q1", ()),  # seed line 383 (VI 12)
        ("Thường xuyên", "recurring", None, None, ("continuous",)),
        ("Hằng tháng", "recurring", None, None, ("monthly",)),
        ("Hằng tuần, hằng tháng", "recurring", None, None, ("weekly", "monthly")),
        ("Hàng tháng, quý", "recurring", None, None, ("monthly", "quarterly")),
        ("Hàng quý, đột suất", "recurring", None, None, ("quarterly", "ad_hoc")),
        ("Đột suất", "ad_hoc", None, None, ("ad_hoc",)),
        ("Sau khi có Quyết định sửa đổi, bổ sung Quyết định số 1068/QĐ-TTg", "conditional", None, None, ()),
        ("Tháng 13", "other", None, None, ()),
        ("Trước Tết", "other", None, None, ()),
    ],
)
def test_parse_deadline(text, kind, start, end, recurrence):
    d = parse_deadline(text, year=2025)
    assert d.kind == kind
    assert (None if d.start is None else str(d.start)) == start
    assert (None if d.end is None else str(d.end)) == end
    assert d.recurrence == recurrence


def test_counts_by_department_and_deadline(tasks):
    counts = tasks_by_department(tasks)
    assert counts.loc["Tổng số", "Tổng số"] == 146
    assert counts.loc["Sở Tài chính"].to_dict() == {
        "Tháng 10": 3, "Tháng 11": 8, "Tháng 12": 0, "Trong quý IV": 0, "Kéo dài sang năm sau": 1,
        "Thường xuyên, định kỳ": 5, "Đột xuất": 0, "Khi có điều kiện": 0, "Tổng số": 17,
    }
    en = tasks_by_department(tasks, lang="en")
    assert en.loc["Total", "Total"] == 146 and "October" in en.columns


def test_unreadable_deadline_is_kept_with_a_warning(tmp_path):
    import csv

    from grdp import PlanWarning

    path = tmp_path / "tasks_2025.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Mục", "Đơn vị", "STT", "Các nhiệm vụ trọng tâm, chương trình, kế hoạch, đề án, cơ chế chính sách",
                    "Thời gian thực hiện/ hoàn thành", "Ghi chú"])
        w.writerow(["I", "Sở A", "1", "Việc một", "Trước Tết", ""])
        w.writerow(["I", "Sở A", "2", "Việc hai", "Tháng 12", ""])
    with pytest.warns(PlanWarning, match="Trước Tết"):
        got = load_tasks(path)
    assert got["deadline_kind"].tolist() == ["other", "month"] and got.attrs["year"] == 2025
