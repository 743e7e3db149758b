"""Figures saved in forked children (grdp.figures.background) are the files save_figure writes in turn.

The report hands each section's figures to a child while the next sections compute; these tests
hold the children to the serial bytes, and check that a failed child's figures are saved again
by the parent (and that a figure that cannot be saved raises there, as without children).
"""

from __future__ import annotations

import sys

import pytest

from grdp.core.forking import can_fork
from grdp.figures import background
from grdp.figures.background import BackgroundFigures
from grdp.figures.style import report_figure, use_decimal_comma

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="children are forked on Linux only")


def _chart(scale: float):
    with report_figure("vi", "full", height_cm=6.0) as (fig, ax):
        ax.plot([0.0, 2.5], [0.0, 2.5 * scale], label="Tăng trưởng quý IV")
        ax.set_title("Đóng góp của ngành")
        use_decimal_comma(ax, axis="both")
    return fig


def _save(folder, *, parallel: bool) -> dict[str, bytes]:
    saver = BackgroundFigures(parallel=parallel)
    saver.submit([(_chart(1.0), folder / "a"), (_chart(1000.0), folder / "b")])
    saver.submit([(_chart(7.0), folder / "c")])
    files = saver.finish()
    assert [p.name for p in files] == ["a.png", "a.svg", "b.png", "b.svg", "c.png", "c.svg"]
    return {p.name: p.read_bytes() for p in files}


@linux_only
def test_children_write_the_bytes_of_the_serial_save(tmp_path):
    assert _save(tmp_path / "children", parallel=True) == _save(tmp_path / "serial", parallel=False)


@linux_only
def test_a_failed_child_is_made_good_by_the_parent(tmp_path, monkeypatch):
    def fail(jobs, formats):
        raise SystemExit(1)

    monkeypatch.setattr(background, "_save_all", fail)
    assert _save(tmp_path / "failed", parallel=True) == _save(tmp_path / "serial", parallel=False)


def test_a_figure_that_cannot_be_saved_raises_in_the_parent(tmp_path):
    saver = BackgroundFigures(parallel=can_fork())
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    saver.submit([(_chart(1.0), tmp_path / "taken" / "a")])
    with pytest.raises(OSError):
        saver.finish()
