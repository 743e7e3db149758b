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


def _render_table(audit, lang: str) -> str:  # noqa: ANN001 - PlanAudit, imported lazily
    import textwrap

    from .consistency import verdict_label
    from .labels import LABELS, label

    def wrap(text: str, indent: str) -> list[str]:
        # keep "10,5 %" together: wrap with a no-break space before %, then restore it
        lines = textwrap.wrap(text.replace(" %", "\u00a0%"), width=100, initial_indent="      ", subsequent_indent=indent)
        return [line.replace("\u00a0", " ") for line in lines]

    lines = [audit.summary(), ""]
    for f in audit.items:
        check = label(f"au_check_{f.check}", lang) if f"au_check_{f.check}" in LABELS else f.check
        name = f.name_en if lang == "en" and f.name_en else f.indicator
        lines.append(f"{f.stt:<5} {verdict_label(f.verdict, lang):<20} {name}")
        lines.extend(wrap(f"{check}: {f.detail}", "      "))
        if f.warning:
            lines.extend(wrap(f"! {f.warning}", "        "))
    return "\n".join(lines)


def _cmd_check(args: argparse.Namespace) -> int:
    import json

    from .consistency import check_plan
    from .plan import load_plan

    audit = check_plan(load_plan(args.file), lang=args.lang)
    if args.format == "json":
        print(json.dumps(audit.to_records(), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        sys.stdout.write(audit.findings.to_csv(index=False, lineterminator="\n"))
    else:
        print(_render_table(audit, args.lang))
    return EXIT_INCONSISTENT if audit.has_inconsistency else EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import build_report

    build_report(plan_path=args.plan, out_dir=args.out, lang=args.lang)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="grdp",
        description="Check, decompose, forecast and report a province's GRDP plan.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="audit the plan: does each indicator's 9 months, Q4 and year hold together?")
    check.add_argument("file", nargs="?", type=Path, default=None, help="plan indicators file (CSV/XLSX); default: the 2025 plan")
    check.add_argument("--format", choices=("table", "csv", "json"), default="table")
    check.add_argument("--lang", choices=("vi", "en"), default="vi")
    check.set_defaults(func=_cmd_check)

    intake = sub.add_parser("intake", help="read the plan tables and write their tidy CSV forms")
    intake.add_argument("--plan", type=Path, default=None, help="plan indicators file (CSV/XLSX); default: the 2025 plan")
    intake.add_argument("--tasks", type=Path, default=None, help="plan tasks file (CSV/XLSX)")
    intake.add_argument("--out", type=Path, default=None, help="output folder; default: data/processed")
    intake.set_defaults(func=_cmd_intake)

    report = sub.add_parser("report", help="the main job: tables and figures of the report")
    report.add_argument("--plan", type=Path, default=None, help="plan indicators file (CSV/XLSX); default: the 2025 plan")
    report.add_argument("--out", type=Path, default=None, help="output folder; default: reports/<lang>")
    report.add_argument("--lang", choices=("vi", "en"), default="vi")
    report.set_defaults(func=_cmd_report)
    return parser


def _one_line_warning(message, category, filename, lineno, line=None) -> str:  # noqa: ANN001 - warnings API
    """Warnings as one line without source paths: what a statistician needs to act on."""
    return f"grdp: warning: {message}\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    import warnings

    args = build_parser().parse_args(argv)
    warnings.formatwarning = _one_line_warning
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
