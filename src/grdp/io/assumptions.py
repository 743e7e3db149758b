"""The assumptions grdp works with, read from one sourced file: ``data/raw/assumptions.csv``.

No figure of a plan or of the province is written into the library. What the
analyses assume — the national quarterly weights, the merged province's
industry split and its admissible range, the plausible bands the audit flags
against, the scenario multipliers, the report's what-if — is a row of
``assumptions.csv`` with its value, unit, kind (``derived`` from published
figures or ``authored`` as a judgment), source, date and a note. This module
is the only reader; :func:`assumptions` returns them typed, read once.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from grdp.core.errors import InputError
from grdp.io.paths import raw_dir

__all__ = ["ASSUMPTIONS_FILE", "ASSUMPTION_COLUMNS", "Assumptions", "assumptions", "read_assumptions"]

ASSUMPTIONS_FILE = "assumptions.csv"
ASSUMPTION_COLUMNS = ("name", "value", "unit", "kind", "source", "date", "note")
_KINDS = ("derived", "authored")


@dataclass(frozen=True)
class Assumptions:
    """What the analyses assume, each with its row in ``assumptions.csv``.

    Attributes
    ----------
    national_quarter_weights : 4 floats
        Previous-year quarterly weights of national GDP, Q1–Q4 (sum 1), mean over 2013–2024.
    national_q4_weight_latest : float
        The nation's previous-year Q4 weight of the latest complete year: the
        fallback of a province's Q4 weight (:func:`grdp.sectors.quarter_weight.q4_weight`).
    industry_split : float
        Industry's share of industry + construction value added, merged province.
    industry_split_range : (float, float)
        Its admissible range.
    seasonal_gap_range : (float, float)
        Admissible year-minus-9-months share of industry + construction + services, points.
    weight_band : (float, float)
        Plausible previous-year weights of the rest of the year (audit warning).
    level_pace_band : (float, float)
        Unremarkable rest-of-year level target against the done part's pace.
    scenario_multipliers : dict
        ``pace`` / ``low`` / ``base`` / ``high``: share of the planned Q4 acceleration each scenario
        delivers (``pace``: none, each sector keeps its 9-month pace).
    what_if : dict
        Sector → Q4 growth of the report's what-if.
    rows : tuple of dict
        The file's rows as read (name, value, unit, kind, source, date, note).
    """

    national_quarter_weights: tuple[float, float, float, float]
    national_q4_weight_latest: float
    industry_split: float
    industry_split_range: tuple[float, float]
    seasonal_gap_range: tuple[float, float]
    weight_band: tuple[float, float]
    level_pace_band: tuple[float, float]
    scenario_multipliers: dict[str, float]
    what_if: dict[str, float]
    rows: tuple[dict[str, str], ...]

    @property
    def national_q4_weight(self) -> float:
        """Q4's previous-year weight of national GDP."""
        return self.national_quarter_weights[3]

    def source(self, name: str) -> dict[str, str]:
        """The row of one assumption (value as printed, unit, kind, source, date, note)."""
        for row in self.rows:
            if row["name"] == name:
                return row
        raise KeyError(f"no assumption named {name!r}")


def read_assumptions(path: str | Path) -> Assumptions:
    """Read an assumptions file (see the module notes); ``InputError`` naming file, row and column."""
    path = Path(path)
    name = path.name
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in ASSUMPTION_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"missing column(s) {', '.join(missing)}", file=name, row=1)
        rows = []
        values: dict[str, float] = {}
        for i, rec in enumerate(reader, start=2):
            for column in ASSUMPTION_COLUMNS:
                if not (rec.get(column) or "").strip():
                    raise InputError("every assumption needs a value, unit, kind, source, date and note",
                                     file=name, row=i, column=column)
            if rec["kind"] not in _KINDS:
                raise InputError(f"kind must be one of: {', '.join(repr(k) for k in _KINDS)}", text=rec["kind"],
                                 file=name, row=i, column="kind")
            try:
                value = float(rec["value"])
            except ValueError:
                value = math.nan
            if not math.isfinite(value):
                raise InputError("not a number (decimal point)", text=rec["value"], file=name, row=i, column="value")
            if rec["name"] in values:
                raise InputError("an assumption named twice", text=rec["name"], file=name, row=i, column="name")
            values[rec["name"]] = value
            rows.append({c: rec[c] for c in ASSUMPTION_COLUMNS})

    def get(key: str) -> float:
        if key not in values:
            raise InputError(f"the assumption {key!r} is missing", file=name)
        return values[key]

    weights = tuple(get(f"national_q{q}_weight") for q in range(1, 5))
    if abs(sum(weights) - 1) > 1e-9:
        raise InputError(f"the national quarterly weights must sum to 1; they sum to {sum(weights)}", file=name)
    return Assumptions(
        national_quarter_weights=weights,  # type: ignore[arg-type]
        national_q4_weight_latest=get("national_q4_weight_latest"),
        industry_split=get("industry_split"),
        industry_split_range=(get("industry_split_low"), get("industry_split_high")),
        seasonal_gap_range=(get("seasonal_gap_low"), get("seasonal_gap_high")),
        weight_band=(get("weight_band_low"), get("weight_band_high")),
        level_pace_band=(get("level_pace_low"), get("level_pace_high")),
        scenario_multipliers={k: get(f"scenario_{k}") for k in ("pace", "low", "base", "high")},
        what_if={k.removeprefix("what_if_"): v for k, v in values.items() if k.startswith("what_if_")},
        rows=tuple(rows),
    )


@cache
def assumptions() -> Assumptions:
    """The shipped assumptions (``data/raw/assumptions.csv``), read once.

    >>> a = assumptions()
    >>> a.national_q4_weight, a.industry_split, a.industry_split_range
    (0.271, 0.82, (0.68, 0.92))
    """
    return read_assumptions(raw_dir() / ASSUMPTIONS_FILE)
