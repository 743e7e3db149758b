"""Re-execute notebooks in place, top to bottom, with this interpreter (``make notebooks``).

This is the deliberate re-baseline of ``pytest --nbval``: outputs are rewritten.
The kernel is the Python running this script (as ``--nbval-current-env`` does),
whatever kernels the machine has; it starts in the notebook's folder. Timing
metadata is not recorded, so a re-run without changes leaves the files as they were.

Usage: python scripts/execute_notebooks.py notebooks/01-plan-intake.ipynb [...]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

KERNEL_NAME = "grdp-current-env"
TIMEOUT_S = 600


def _kernelspec_dir(root: Path) -> None:
    spec = root / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=KERNEL_NAME,
        timeout=TIMEOUT_S,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    client.execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.write(nb, path)


def main(paths: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        _kernelspec_dir(Path(tmp))
        os.environ["JUPYTER_PATH"] = tmp + os.pathsep + os.environ.get("JUPYTER_PATH", "")
        for p in paths:
            print(f"executing {p}", flush=True)
            execute(Path(p))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
