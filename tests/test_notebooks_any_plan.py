"""Every notebook is parameterised (papermill's convention) and tells the story of the plan it is given.

Run with a plan of another year (tests/data/plan_2026_indicators.csv: constructed, header
"Mục tiêu năm 2026", other figures, rows left out), each notebook executes and shows that plan's
figures and none of the embedded 2025 plan's.
"""

from __future__ import annotations

import json
import re

import nbformat
import papermill
import pytest

from grdp.io.paths import project_root

NOTEBOOKS = sorted((project_root() / "notebooks").glob("*.ipynb"))
PLAN_2026 = project_root() / "tests" / "data" / "plan_2026_indicators.csv"

# Figures of the embedded 2025 plan (seed Phụ lục 1) that must not appear when another plan is given:
# row 1 (8.01 / 14,2-15,8 / 10-10,5), the sector rows' 9 months (2,6 / 10,5 / 8,5 / 7,9), row 3 (81,2 → 83,0),
# and the plan's year as a target.
FORBIDDEN = ("8,01", "8.01", "14,2", "15,8", "10–10,5", "10-10,5", "2,6 / 10,5", "2,6/10,5", "81,2 %",
             "Mục tiêu năm 2025", "kế hoạch 2025", "Kế hoạch 2025", "năm 2025:", "quý IV/2025")
# ... and what the 2026 plan's notebooks must say (tests/data/plan_2026_indicators.csv, row 1).
REQUIRED = {
    "01-plan-intake.ipynb": ("2026", "8,62"),
    "02-plan-consistency.ipynb": ("2026", "8,62"),
    "03-sector-decomposition.ipynb": ("2026", "8,62"),
    "04-forecast.ipynb": ("2026", "8,62"),
    "05-sensitivity.ipynb": ("2026", "8,62"),
}


def _parameters_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    return next(c for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_first_code_cell_holds_the_parameters(path):
    nb = nbformat.read(path, as_version=4)
    cell = _parameters_cell(nb)
    assert "parameters" in cell.metadata.get("tags", [])
    assert "plan_file = None" in cell.source and 'lang = "vi"' in cell.source


def _texts(nb: nbformat.NotebookNode) -> str:
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
            continue
        for out in cell.get("outputs", []):
            if "text" in out:
                parts.append(out["text"])
            for kind in ("text/plain", "text/markdown", "text/html"):
                if kind in out.get("data", {}):
                    parts.append(str(out["data"][kind]))
    return "\n".join(parts)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_plan_of_another_year_gets_its_own_story(path, tmp_path):
    out = tmp_path / path.name
    papermill.execute_notebook(str(path), str(out), parameters={"plan_file": str(PLAN_2026), "lang": "vi"},
                               cwd=str(path.parent), progress_bar=False, kernel_name="python3")
    nb = nbformat.read(out, as_version=4)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == [], json.dumps(errors[:1])[:2000]
    text = _texts(nb)
    # A figure is forbidden as a number of its own: "8,01" but not "18,01" or "8,015".
    leaked = [f for f in FORBIDDEN if re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d])", text)]
    assert leaked == [], leaked
    for figure in REQUIRED[path.name]:
        assert figure in text, figure
