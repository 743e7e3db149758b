"""One folder per plan, replaced whole (issue 12 item 5, issue 13 item 6).

The report's files are stood in for by a small writer (monkeypatched), so these
tests exercise where the report goes and how it replaces an earlier one without
building the whole report.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from grdp.core.errors import OutputError
from grdp.io.paths import reports_dir
from grdp.io.plan import load_plan
from grdp.report import build
from grdp.report.build import MARKER, build_report, report_folder


def _fake_writer(files: list[str]):
    def write(ctx, sections, folder: Path, *, csv_locale: str, figures=None) -> list[str]:
        for name in files:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(f"{ctx.plan.year} {name}", encoding="utf-8")
        (folder / MARKER).write_text("grdp report\n", encoding="utf-8")
        return files

    return write


@pytest.fixture
def fake_report(monkeypatch):
    """build_report with the sections and the writer stood in for: only the folder logic runs."""
    monkeypatch.setattr(build, "SECTIONS", [])

    def use(files: list[str]) -> None:
        monkeypatch.setattr(build, "_write_all", _fake_writer(files))

    return use


def test_default_folder_is_the_plans_year_or_file(root):
    # the embedded plan is the 2025 plan (seed Phụ lục 1): reports/vi/2025; another plan: its file's stem
    assert report_folder(load_plan(), None, "vi") == reports_dir() / "vi" / "2025"
    other = root / "tests" / "data" / "plan_2026_indicators.csv"
    assert report_folder(load_plan(other), other, "en") == reports_dir() / "en" / "plan_2026_indicators"


def test_rerun_replaces_the_report_and_removes_files_it_no_longer_writes(tmp_path, fake_report):
    out = tmp_path / "2025"
    fake_report(["a.csv", "figures/01.png"])
    build_report(out_dir=out, progress=None)
    fake_report(["a.csv"])
    build_report(out_dir=out, progress=None)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [MARKER, "a.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025"]  # no staging or retired folder left behind


def test_another_plans_folder_is_never_touched(tmp_path, fake_report, root):
    fake_report(["a.csv"])
    build_report(out_dir=tmp_path / "2025", progress=None)
    before = (tmp_path / "2025" / "a.csv").read_bytes()
    build_report(plan_path=root / "tests" / "data" / "plan_2026_indicators.csv", out_dir=tmp_path / "2026", progress=None)
    assert (tmp_path / "2025" / "a.csv").read_bytes() == before
    assert (tmp_path / "2026" / "a.csv").read_text(encoding="utf-8") == "2026 a.csv"


def test_a_folder_of_other_files_is_refused(tmp_path, fake_report):
    fake_report(["a.csv"])
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.docx").write_text("the statistician's own file", encoding="utf-8")
    with pytest.raises(OutputError, match="holds files grdp did not write"):
        build_report(out_dir=out, progress=None)
    assert [p.name for p in out.iterdir()] == ["notes.docx"]


def test_a_link_or_a_file_is_refused(tmp_path, fake_report):
    fake_report(["a.csv"])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "link").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OutputError, match="is a link"):
        build_report(out_dir=tmp_path / "link", progress=None)
    assert not any(elsewhere.iterdir())
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file"):
        build_report(out_dir=tmp_path / "file", progress=None)


def test_a_failed_run_leaves_the_previous_report_whole(tmp_path, fake_report, monkeypatch):
    out = tmp_path / "2025"
    fake_report(["a.csv", "b.csv"])
    build_report(out_dir=out, progress=None)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(ctx, sections, folder, *, csv_locale, figures=None):
        (folder / "a.csv").write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build, "_write_all", broken)
    with pytest.raises(OSError, match="No space left"):
        build_report(out_dir=out, progress=None)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder anyway")
def test_an_unwritable_folder_is_one_line(tmp_path, fake_report):
    fake_report(["a.csv"])
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="cannot write the report"):
            build_report(out_dir=locked / "2025", progress=None)
    finally:
        locked.chmod(0o700)
