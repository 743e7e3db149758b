"""Published figures shipped with grdp, one loader per dataset.

Each loader reads a verbatim file in ``data/raw/`` (listed in ``MANIFEST.csv``
with its sha256) and returns a typed DataFrame; every row keeps the URL of the
release it was transcribed from. :data:`DATASETS` describes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from grdp.core.numbers import parse_value
from grdp.io.filecache import read_once
from grdp.io.paths import raw_dir

__all__ = ["Dataset", "DATASETS", "national_releases", "provinces"]


@dataclass(frozen=True)
class Dataset:
    """A shipped dataset: file in ``data/raw``, description and where it comes from."""

    name: str
    file: str
    description: str
    source: str


DATASETS: dict[str, Dataset] = {
    "national_releases": Dataset(
        "national_releases",
        "national_gdp_releases.csv",
        "Viet Nam GDP, 2011-2025: growth by quarter (Q1-Q4, on the same quarter of the previous "
        "year), half-year, 9 months and year; sector growth, contributions (points and shares of "
        "value-added growth) and structure; each figure in every published vintage (first "
        "release, updates in later releases, revised series).",
        "General Statistics Office releases as reported by the press; one source_url per row",
    ),
    "provinces": Dataset(
        "provinces",
        "provinces_hungyen_thaibinh.csv",
        "Hưng Yên (old, before 2025-07-01), Thái Bình (before 2025-07-01) and the merged Hưng Yên: "
        "GRDP growth by quarter / half-year / 9 months / year, sector growth and structure, "
        "levels, budget revenue, FDI, retail sales and plan targets.",
        "Provincial statistics offices, People's Committees and the press; one source_url per row",
    ),
}


def national_releases() -> pd.DataFrame:
    """National GDP releases, 2011-2025, every vintage (see :data:`DATASETS`); the file is read once per process.

    Returns
    -------
    pandas.DataFrame
        ``year`` (int), ``period`` (Q1-Q4, H1, 9M, Y), ``sector``, ``measure``, ``value``
        (float), ``release``, ``release_date``, ``source_title``, ``source_url``, ``note``.
    """
    return _read_national(raw_dir() / DATASETS["national_releases"].file)


@read_once
def _read_national(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["year"] = frame["year"].astype("int64")
    frame["value"] = frame["value"].astype("float64")
    return frame


def provinces() -> pd.DataFrame:
    """Provincial figures for Hưng Yên and Thái Bình (see :data:`DATASETS`); the file is read once per process.

    Values are printed with qualifiers in places (``>59600``, ``7.5-8``, ``~17100``);
    they are read with :func:`grdp.parse_value` (decimal point, as the file writes
    them) into ``low``, ``high`` and ``bound`` beside the printed ``value``.
    """
    return _read_provinces(raw_dir() / DATASETS["provinces"].file)


@read_once
def _read_provinces(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["year"] = frame["year"].astype("int64")
    parsed = [parse_value(v, style="en") for v in frame["value"]]
    frame["low"] = [p.low for p in parsed]
    frame["high"] = [p.high for p in parsed]
    frame["bound"] = [p.bound for p in parsed]
    frame[["low", "high"]] = frame[["low", "high"]].astype("float64")
    return frame
