"""Guard: a notebook committed without its outputs would pass nbval trivially."""

from __future__ import annotations

import json

import pytest

from grdp.io.paths import project_root

NOTEBOOKS = sorted((project_root() / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_was_executed_top_to_bottom_with_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    assert code, "no code cells"
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), "re-run top to bottom: make notebooks"
    assert any(c["outputs"] for c in code), "no outputs committed"
    for c in code:
        for out in c["outputs"]:
            assert out.get("output_type") != "error", f"an error output is committed: {out.get('ename')}"
