"""Write a notebook from a plain script with ``# %%`` cell markers (``# %% [markdown]`` for text).

The .ipynb is what is committed and tested; this only saves typing JSON by hand.
Usage: python scripts/new_notebook.py source.py notebooks/NN-topic.ipynb
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat


def build(source: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    chunks = source.split("# %%")
    for chunk in chunks[1:]:
        head, _, body = chunk.partition("\n")
        body = body.strip("\n")
        if head.strip().startswith("[markdown]"):
            text = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in body.splitlines())
            nb.cells.append(nbformat.v4.new_markdown_cell(text))
        else:
            nb.cells.append(nbformat.v4.new_code_cell(body))
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    return nb


if __name__ == "__main__":
    src, dst = sys.argv[1], sys.argv[2]
    nbformat.write(build(Path(src).read_text(encoding="utf-8")), dst)
