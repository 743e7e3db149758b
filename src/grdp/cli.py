"""The ``grdp`` command.

Exit status: 0 on success, 1 when an audit finds something inconsistent (an
identity fails; with ``grdp check --strict`` also something implausible), 2 for
input that cannot be read (one line on stderr naming file, row, column and text).
Heavy libraries (matplotlib, statsmodels) are imported inside the sub-commands
that need them, so ``grdp check`` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from grdp.core.errors import InputError
from grdp.core.typing import Lang

if TYPE_CHECKING:
    from grdp.audit.findings import PlanAudit

__all__ = ["main", "EXIT_OK", "EXIT_INCONSISTENT", "EXIT_INPUT"]

EXIT_OK = 0
EXIT_INCONSISTENT = 1
EXIT_INPUT = 2


def _cmd_intake(args: argparse.Namespace) -> int:
    from grdp.io.intake import write_processed

    for path in write_processed(args.out, plan_path=args.plan, tasks_path=args.tasks):
        print(f"wrote {path}")
    return EXIT_OK


def _render_table(audit: PlanAudit, lang: Lang) -> str:
    import textwrap

    from grdp.audit.findings import check_label, verdict_label

    def wrap(text: str, indent: str) -> list[str]:
        # keep "10,5 %" together: wrap with a no-break space before %, then restore it
        lines = textwrap.wrap(text.replace(" %", "\u00a0%"), width=100, initial_indent="      ", subsequent_indent=indent)
        return [line.replace("\u00a0", " ") for line in lines]

    lines = [audit.summary(), ""]
    for f in audit.items:
        check = check_label(f.check, lang)
        name = f.name_en if lang == "en" and f.name_en else f.indicator
        lines.append(f"{f.stt:<5} {verdict_label(f.verdict, lang):<20} {name}")
        lines.extend(wrap(f"{check}: {f.detail}", "      "))
        if f.warning:
            lines.extend(wrap(f"! {f.warning}", "        "))
    return "\n".join(lines)


def _cmd_check(args: argparse.Namespace) -> int:
    import json

    from grdp.audit.check import check_plan
    from grdp.io.plan import load_plan

    audit = check_plan(load_plan(args.file), lang=args.lang)
    if args.format == "json":
        print(json.dumps(audit.to_records(), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        sys.stdout.write(audit.findings.to_csv(index=False, lineterminator="\n"))
    else:
        print(_render_table(audit, args.lang))
    failed = audit.has_inconsistency or (args.strict and bool(audit.implausible))
    return EXIT_INCONSISTENT if failed else EXIT_OK


def _cmd_forecast(args: argparse.Namespace) -> int:
    from grdp.forecast.nowcast import nowcast_annual
    from grdp.forecast.panel import provincial_forecast
    from grdp.io.plan import Plan, load_plan

    plan = load_plan(args.plan)
    if args.growth_9m is None:
        if plan.growth_figures() is None:
            raise InputError("give the 9-month growth: the plan has no GRDP row with a 9-month figure")
        nc = nowcast_annual(plan, history=args.history, q4_weight=args.q4_weight, level=args.level, lang=args.lang)
        subject: Plan | float = plan
    else:
        nc = nowcast_annual(args.growth_9m, history=args.history, q4_weight=args.q4_weight, level=args.level,
                            targets=plan.targets, year=plan.year, lang=args.lang)
        subject = args.growth_9m
    if args.history is None:
        # The calibrated forecast first: it learns from the provinces; the borrowed national pattern follows.
        pf = provincial_forecast(subject, year=plan.year, targets=plan.targets, level=args.level, lang=args.lang)
        print(pf.summary(lang=args.lang))
        print()
        print(pf.table(lang=args.lang).to_string(index=False))
        print()
    print(nc.summary(lang=args.lang))
    print()
    print(nc.table(lang=args.lang).to_string(index=False))
    return EXIT_OK


def _cmd_backtest(args: argparse.Namespace) -> int:
    if args.panel:
        from grdp.forecast.panel import panel_backtest

        pb = panel_backtest(predictive=args.predictive, lang=args.lang)
        print(pb.summary(lang=args.lang))
        print()
        print(pb.table(lang=args.lang).to_string(index=False))
        return EXIT_OK
    from grdp.forecast.backtesting import backtest

    bt = backtest(vintage=args.vintage, lang=args.lang)
    print(bt.summary(lang=args.lang))
    print()
    print(bt.table(lang=args.lang).to_string(index=False))
    return EXIT_OK


def _cmd_whatif(args: argparse.Namespace) -> int:
    from grdp.io.plan import load_plan
    from grdp.sectors.model import sector_model
    from grdp.sensitivity.scenarios import what_if

    q4: dict[str, float] = {}
    for item in args.sectors:
        sector, sep, value = item.partition("=")
        if not sep:
            raise InputError("write each sector as name=growth, e.g. construction=20", text=item)
        from grdp.core.numbers import parse_value

        parsed = parse_value(value, unit="%")
        if parsed.bound != "exact":
            raise InputError("a what-if needs one Q4 growth figure per sector", text=item)
        q4[sector.strip()] = parsed.value
    plan = load_plan(args.plan)
    try:
        report = what_if(sector_model(plan, lang=args.lang), q4, lang=args.lang)
    except ValueError as err:  # an unknown sector name
        raise InputError(str(err), text=" ".join(args.sectors)) from None
    print(report.summary(lang=args.lang))
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from grdp.report.build import build_report

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
    check.add_argument("--strict", action="store_true",
                       help="exit 1 also on implausible findings (figures that hold only under assumptions outside "
                            "their plausible range), not only on inconsistent ones")
    check.set_defaults(func=_cmd_check)

    intake = sub.add_parser("intake", help="read the plan tables and write their tidy CSV forms")
    intake.add_argument("--plan", type=Path, default=None, help="plan indicators file (CSV/XLSX); default: the 2025 plan")
    intake.add_argument("--tasks", type=Path, default=None, help="plan tasks file (CSV/XLSX)")
    intake.add_argument("--out", type=Path, default=None, help="output folder; default: data/processed")
    intake.set_defaults(func=_cmd_intake)

    forecast = sub.add_parser("forecast", help="forecast the year's GRDP growth from the 9 months, with target probabilities")
    forecast.add_argument("growth_9m", nargs="?", type=float, default=None, help="9-month growth, %% (default: the plan's GRDP row)")
    forecast.add_argument("--plan", type=Path, default=None, help="plan file for the 9 months and targets; default: the 2025 plan")
    forecast.add_argument("--history", type=Path, default=None, help="your own quarterly CSV: period,growth_yoy_pct (e.g. 2023Q1,8.22)")
    forecast.add_argument("--q4-weight", type=float, default=None, help="Q4's share of the previous year (default: the province's, grdp.q4_weight: its plan's rows; for a bare 9-month figure the nation's latest)")
    forecast.add_argument("--level", type=float, default=0.8, help="interval level (default 0.8)")
    forecast.add_argument("--lang", choices=("vi", "en"), default="vi")
    forecast.set_defaults(func=_cmd_forecast)

    bt = sub.add_parser("backtest", help="how the forecast methods did at each 9-month release since 2013 (nation, or --panel)")
    bt.add_argument("--vintage", choices=("first", "latest"), default="first")
    bt.add_argument("--panel", action="store_true",
                    help="score the provincial methods on the provinces' panel, leaving one year out")
    bt.add_argument("--predictive", choices=("empirical", "t"), default="empirical",
                    help="with --panel: the errors as they are (default) or the t form specified before scoring")
    bt.add_argument("--lang", choices=("vi", "en"), default="vi")
    bt.set_defaults(func=_cmd_backtest)

    whatif = sub.add_parser("whatif", help="annual GRDP growth if some sectors grow as given in Q4, e.g. construction=20")
    whatif.add_argument("sectors", nargs="+", help="sector=Q4 growth %%: agriculture, industry, construction, services")
    whatif.add_argument("--plan", type=Path, default=None, help="plan file; default: the 2025 plan")
    whatif.add_argument("--lang", choices=("vi", "en"), default="vi")
    whatif.set_defaults(func=_cmd_whatif)

    report = sub.add_parser("report", help="the main job: tables and figures of the report")
    report.add_argument("--plan", type=Path, default=None, help="plan indicators file (CSV/XLSX); default: the 2025 plan")
    report.add_argument("--out", type=Path, default=None, help="output folder; default: reports/<lang>")
    report.add_argument("--lang", choices=("vi", "en"), default="vi")
    report.set_defaults(func=_cmd_report)
    return parser


def _one_line_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int, line: str | None = None) -> str:
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
