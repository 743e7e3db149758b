"""The ``grdp`` command.

Exit status: 0 on success, 1 when an audit finds something inconsistent, 2 for
input that cannot be read (one line on stderr naming file, row, column and text).
Heavy libraries (matplotlib, statsmodels) are imported inside the sub-commands
that need them, so ``grdp check`` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import InputError

__all__ = ["main", "EXIT_OK", "EXIT_INCONSISTENT", "EXIT_INPUT"]

EXIT_OK = 0
EXIT_INCONSISTENT = 1
EXIT_INPUT = 2


def _cmd_intake(args: argparse.Namespace) -> int:
    from .intake import write_processed

    for path in write_processed(args.out, plan_path=args.plan, tasks_path=args.tasks):
        print(f"wrote {path}")
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from .intake import write_processed

    for path in write_processed(plan_path=args.plan):
        print(f"wrote {path}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="grdp",
        description="Check, decompose, forecast and report a province's GRDP plan.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    intake = sub.add_parser("intake", help="read the plan tables and write their tidy CSV forms")
    intake.add_argument("--plan", type=Path, default=None, help="plan indicators file (CSV/XLSX); default: the 2025 plan")
    intake.add_argument("--tasks", type=Path, default=None, help="plan tasks file (CSV/XLSX)")
    intake.add_argument("--out", type=Path, default=None, help="output folder; default: data/processed")
    intake.set_defaults(func=_cmd_intake)

    report = sub.add_parser("report", help="the main job: tables and figures of the report")
    report.add_argument("--plan", type=Path, default=None, help="plan indicators file (CSV/XLSX); default: the 2025 plan")
    report.set_defaults(func=_cmd_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except InputError as err:
        print(f"grdp: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    except FileNotFoundError as err:
        print(f"grdp: error: {err}", file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
