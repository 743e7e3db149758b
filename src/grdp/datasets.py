"""Published figures shipped with grdp, one loader per dataset.

Each loader reads a verbatim file in ``data/raw/`` (listed in ``MANIFEST.csv``
with its sha256) and returns a typed DataFrame; every row keeps the URL of the
release it was transcribed from. :data:`DATASETS` describes them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .numbers import parse_value
from .paths import raw_dir

__all__ = ["Dataset", "DATASETS", "national_releases", "provinces", "revision_errors"]


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
    """National GDP releases, 2011-2025, every vintage (see :data:`DATASETS`).

    Returns
    -------
    pandas.DataFrame
        ``year`` (int), ``period`` (Q1-Q4, H1, 9M, Y), ``sector``, ``measure``, ``value``
        (float), ``release``, ``release_date``, ``source_title``, ``source_url``, ``note``.
    """
    frame = pd.read_csv(raw_dir() / DATASETS["national_releases"].file, dtype=str, keep_default_na=False)
    frame["year"] = frame["year"].astype("int64")
    frame["value"] = frame["value"].astype("float64")
    return frame


def provinces() -> pd.DataFrame:
    """Provincial figures for Hưng Yên and Thái Bình (see :data:`DATASETS`).

    Values are printed with qualifiers in places (``>59600``, ``7.5-8``, ``~17100``);
    they are read with :func:`grdp.parse_value` (decimal point, as the file writes
    them) into ``low``, ``high`` and ``bound`` beside the printed ``value``.
    """
    frame = pd.read_csv(raw_dir() / DATASETS["provinces"].file, dtype=str, keep_default_na=False)
    frame["year"] = frame["year"].astype("int64")
    parsed = [parse_value(v, style="en") for v in frame["value"]]
    frame["low"] = [p.low for p in parsed]
    frame["high"] = [p.high for p in parsed]
    frame["bound"] = [p.bound for p in parsed]
    frame[["low", "high"]] = frame[["low", "high"]].astype("float64")
    return frame


# Added for grdp.montecarlo (issue 6): the empirical revision error of a published growth figure.

REVISION_LATER = ("next", "latest")
"""Which later vintage :func:`revision_errors` compares the first release with."""


def revision_errors(period: str = "9M", *, later: str = "next", sector: str = "total") -> pd.DataFrame:
    """How much national growth figures of ``period`` moved after their first release.

    Kept for :mod:`grdp.montecarlo`: it is :func:`grdp.vintages.revisions` at
    ``horizon=later`` — the one definition of a revision, where the horizons
    (including ``"annual_release"``, the one the annual target is judged at)
    are explained.

    Parameters
    ----------
    period : str
        ``"9M"`` (default), ``"Y"``, ``"H1"`` or a quarter ``"Q1"``-``"Q4"``.
    later : {"next", "latest"}
        Compare the first release with the next vintage published after it
        (default: the ordinary revision, made at the annual release or the next
        year's release) or with the latest vintage in the file (adds the
        re-evaluations of the whole series, e.g. 2022's 9 months re-quoted in 2025).
    sector : str
        ``"total"`` (GDP, default) or a sector key of the file.

    Returns
    -------
    pandas.DataFrame
        One row per year that has a first figure and a later one: ``year``,
        ``first``, ``first_release``, ``first_date``, ``later``, ``later_release``,
        ``later_date``, ``revision`` (``later - first``, points), ``first_url``,
        ``later_url``; sorted by year.

    Notes
    -----
    *First* is the earliest published vintage (the one labelled ``first``
    wins a tie on the same day); where the file has no ``first`` row for a
    year, the earliest quote (2013: the ministry's September estimate; 2015:
    the figure CIEM quoted in October). Vintages at 1994 prices (2011-2012
    first releases) are left out: a change of price base is not a revision.
    Dates ``YYYY-MM`` count as the month's last day.

    Examples
    --------
    The 2023 nine months, first released at 4,24 % (GSO, 2023-09-29) and quoted
    at 4,40 % in the October 2024 release:

    >>> r = revision_errors("9M")
    >>> float(r.loc[r["year"] == 2023, "revision"].round(2).iloc[0])
    0.16
    >>> r["year"].tolist()
    [2013, 2014, 2015, 2016, 2017, 2018, 2020, 2021, 2022, 2023]
    """
    if later not in REVISION_LATER:
        raise ValueError(f"later must be one of: {', '.join(repr(x) for x in REVISION_LATER)}")
    from .vintages import revisions  # grdp.vintages builds on this module's loaders

    return revisions(period, horizon=later, sector=sector)  # type: ignore[arg-type]
