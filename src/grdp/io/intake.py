"""Turn the raw plan tables into ``data/processed/``: tidy, typed, reproducible to the byte."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from grdp.core.cells import inert_frame
from grdp.io.paths import processed_dir
from grdp.io.plan import load_plan
from grdp.io.tasks import load_tasks

__all__ = ["write_processed", "write_csv"]


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write a frame as UTF-8 CSV with LF line ends and shortest-exact floats (stable bytes); text a spreadsheet
    would run as a formula gets a leading ``'`` (:func:`grdp.core.cells.inert_text`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    inert_frame(frame).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return path


def write_processed(
    out_dir: str | Path | None = None,
    *,
    plan_path: str | Path | None = None,
    tasks_path: str | Path | None = None,
) -> list[Path]:
    """Read the plan's indicators and tasks and write their tidy forms.

    Parameters
    ----------
    out_dir : str or Path, optional
        Default ``data/processed``.
    plan_path, tasks_path : str or Path, optional
        Default: the embedded 2025 plan files in ``data/raw``. With a ``plan_path``
        of its own and no ``tasks_path``, only the indicators are written (the
        embedded tasks belong to the embedded plan).

    Returns
    -------
    list of Path
        ``plan_<year>_indicators.csv`` and, where there are tasks, ``plan_<year>_tasks.csv``.
    """
    out = Path(out_dir) if out_dir is not None else processed_dir()
    plan = load_plan(plan_path)
    year = plan.year
    # read everything before writing anything: a bad tasks file leaves no half-written folder
    tasks = load_tasks(tasks_path, year=year) if tasks_path is not None or plan_path is None else None
    written = [write_csv(plan.to_frame(), out / f"plan_{year}_indicators.csv")]
    if tasks is not None:
        written.append(write_csv(tasks, out / f"plan_{year}_tasks.csv"))
    return written
