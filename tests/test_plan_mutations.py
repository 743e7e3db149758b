"""Every single-cell mutation of the embedded plan gets an answer (issue 13, item 4).

``check_plan(load_plan(path))`` on the embedded plan with one figure or unit cell
changed either returns verdicts or raises :class:`~grdp.InputError` — never any
other exception. The mutations are the typist's: a digit mistyped, doubled or
dropped, an extra separator, a ``%``, a ``≥``/``<=`` bound, an empty cell, a huge
number, text, zero, a negative, full-width digits, a control character.
``benchmarks/fuzz_plan.py`` runs ~600 of them through ``grdp check``.
"""

from __future__ import annotations

import csv
import io
import warnings
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from grdp import InputError, load_plan
from grdp.audit.check import check_plan
from grdp.audit.findings import VERDICTS
from grdp.io.plan import default_plan_path

_ROWS = list(csv.reader(io.StringIO(default_plan_path().read_text(encoding="utf-8"), newline="")))
# indicator rows with a unit or a figure (index into _ROWS; spreadsheet row = index + 1)
_INDICATORS = [i for i, r in enumerate(_ROWS) if i > 0 and r[0][:1].isdigit() and any(r[2:6])]
_FULL_WIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


@st.composite
def _mutated_cell(draw: st.DrawFn, cell: str) -> str:
    digits = [i for i, ch in enumerate(cell) if ch.isdigit()] or [0]
    at = draw(st.sampled_from(digits))
    anywhere = draw(st.integers(0, len(cell)))
    decimals = draw(st.integers(0, 3))
    return draw(st.sampled_from([
        cell[:at] + draw(st.sampled_from("0123456789")) + cell[at + 1:],  # a digit mistyped
        cell[:at] + cell[at:at + 1] * 2 + cell[at + 1:],  # doubled
        cell[:at] + cell[at + 1:],  # dropped
        cell[:anywhere] + draw(st.sampled_from(".,")) + cell[anywhere:],  # an extra separator
        cell + draw(st.sampled_from(["%", " %"])),
        draw(st.sampled_from(["≥ ", "<=", ">", "≤", "trên "])) + cell,
        "",
        draw(st.sampled_from(["9" * 400, "1" + "0" * 308, "1.000.000.000.000", "22.374.698,5", "7,961,604.8"])),
        draw(st.sampled_from(["chưa có", "N/A", "x", "10 tỷ"])),
        draw(st.sampled_from(["0", "0,0", "-0"])),
        "-" + cell,
        cell.translate(_FULL_WIDTH),
        cell[:anywhere] + draw(st.sampled_from(["\x00", "\x07", "\x1b", "\x7f"])) + cell[anywhere:],
        f"{draw(st.floats(-1e6, 1e6, allow_nan=False)):.{decimals}f}",
    ]))


@st.composite
def _mutated_plan(draw: st.DrawFn) -> tuple[int, int, str]:
    row = draw(st.sampled_from(_INDICATORS))
    col = draw(st.sampled_from([2, 3, 4, 5, 3, 4, 5]))  # ĐVT, or (more often) a figure
    return row, col, draw(_mutated_cell(_ROWS[row][col]))


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=_mutated_plan())
# the mutations that ended in a traceback before issue 13 (benchmarks/fuzz_plan.py; index = spreadsheet row - 1)
@example(mutation=(22, 3, "≥ 45,400"))  # 9-month new jobs as a bound: ValueError from PrintedValue.value
@example(mutation=(19, 3, "<=5"))  # 9-month hospital beds as a bound: AssertionError
@example(mutation=(2, 4, "9" * 400))  # GRDP Q4 of 400 digits: inf, weight 0, "rest_weight must be in (0, 1]"
@example(mutation=(4, 5, "9" * 400))  # agriculture's annual growth inf: "weights must sum to 1 or 100 … [[nan]]"
@example(mutation=(2, 5, "80%"))  # GRDP annual target typed 80 %
@example(mutation=(2, 5, "7"))
@example(mutation=(2, 5, "22.374.698,5"))
@example(mutation=(2, 4, "7,961,604.8"))
@example(mutation=(2, 3, "8.0\x071"))
def test_a_mutated_plan_gets_verdicts_or_an_input_error(mutation: tuple[int, int, str], tmp_path: Path) -> None:
    row, col, text = mutation
    rows = [list(r) for r in _ROWS]
    rows[row][col] = text
    path = tmp_path / "plan_2025_mutated.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            audit = check_plan(load_plan(path))
        except InputError as err:
            assert err.location.file == path.name
            return
    assert audit.items and all(f.verdict in VERDICTS for f in audit.items)
