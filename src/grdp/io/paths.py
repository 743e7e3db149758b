"""Where the project's data lives, resolved from this file — never from the working directory."""

from __future__ import annotations

from pathlib import Path

__all__ = ["project_root", "raw_dir", "processed_dir", "reports_dir", "shared_dir"]

_MARKERS = ("pyproject.toml", "data")


def project_root() -> Path:
    """The folder holding ``pyproject.toml`` and ``data/`` above this package.

    Raises
    ------
    FileNotFoundError
        When grdp runs from an installed wheel without the project folder; pass
        file paths explicitly in that case.
    """
    here = Path(__file__).resolve()
    for folder in here.parents:
        if all((folder / marker).exists() for marker in _MARKERS):
            return folder
    raise FileNotFoundError(
        "grdp's project folder (with pyproject.toml and data/) was not found above "
        f"{here}; pass the plan file's path explicitly"
    )


def raw_dir() -> Path:
    """``data/raw``: verbatim sources, never written by the code."""
    return project_root() / "data" / "raw"


def processed_dir() -> Path:
    """``data/processed``: regenerated from ``data/raw`` by :func:`grdp.io.intake.write_processed`."""
    return project_root() / "data" / "processed"


def reports_dir() -> Path:
    """``reports``: what ``grdp report`` writes by default."""
    return project_root() / "reports"


def shared_dir() -> Path:
    """``../shared`` beside the project (reference data for tests; may be absent)."""
    return project_root().parent / "shared"
