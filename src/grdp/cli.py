"""The ``grdp`` command.

Exit status: 0 on success, 1 when an audit finds something inconsistent (an
identity fails; with ``grdp check --strict`` also something implausible), 2 for
input that cannot be read (one line on stderr naming file, row, column and text).
Heavy libraries (matplotlib, statsmodels) are imported inside the sub-commands
that need them, so ``grdp check`` starts fast.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from grdp.core.errors import InputError
from grdp.core.typing import Lang

if TYPE_CHECKING:
    from grdp.audit.findings import PlanAudit

__all__ = ["main", "build_parser", "EXIT_OK", "EXIT_INCONSISTENT", "EXIT_INPUT", "EXIT_BROKEN_PIPE"]

EXIT_OK = 0
EXIT_INCONSISTENT = 1
EXIT_INPUT = 2
EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE: what a shell reports for a command whose reader closed the pipe."""


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
        from grdp.core.cells import inert_frame

        sys.stdout.write(inert_frame(audit.findings).to_csv(index=False, lineterminator="\n"))
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

    build_report(plan_path=args.plan, out_dir=args.out, lang=args.lang, csv_locale=args.csv_locale)
    return EXIT_OK


def _decimal(text: str) -> float:
    """A number as typed in either language, read by the plan's own reader (:func:`grdp.core.numbers.parse_value`):
    ``8,01`` or ``8.01``; spaces between digits dropped; never ``nan`` or ``inf``, never an ambiguous ``1,000``."""
    from grdp.core.numbers import parse_value

    try:
        parsed = parse_value(text.replace("\u00a0", "").replace(" ", ""), unit="%")
    except InputError as err:
        raise argparse.ArgumentTypeError(f"{text!r}: {err.reason}") from None
    if parsed.bound != "exact" or parsed.value is None:
        raise argparse.ArgumentTypeError(f"not a number: {text!r} (write 8,01 or 8.01)")
    return float(parsed.value)


def _growth(text: str) -> float:
    """A growth rate in per cent, within -50 … 100 (a 9-month GRDP growth outside it is a typo)."""
    value = _decimal(text)
    if not -50.0 <= value <= 100.0:
        raise argparse.ArgumentTypeError(f"{text!r}: a growth rate in per cent between -50 and 100 (e.g. 8,01)")
    return value


def _weight(text: str) -> float:
    """Q4's share of the previous year: strictly between 0 and 1 (0,32, not 32)."""
    value = _decimal(text)
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError(f"{text!r}: the Q4 weight is a share strictly between 0 and 1 (e.g. 0,32, not 32)")
    return value


def _level(text: str) -> float:
    """An interval level as a fraction (0,8) or a percent (80): returned as a fraction."""
    value = _decimal(text)
    if 1.0 < value < 100.0:
        value /= 100.0
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError(f"{text!r}: the interval level is a fraction in (0, 1) such as 0,8, or a percent such as 80")
    return value


def _wants_english(argv: Sequence[str]) -> bool:
    """Whether the command line asks for English (``--lang en`` / ``--lang=en``): then help and errors are in English."""
    items = list(argv)
    return "--lang=en" in items or any(pair == ("--lang", "en") for pair in itertools.pairwise(items))


def build_parser(lang: Lang = "vi") -> argparse.ArgumentParser:
    """The command line, its help in Vietnamese (``lang="en"``: English)."""

    def t(vi: str, en: str) -> str:
        return vi if lang == "vi" else en

    parser = argparse.ArgumentParser(
        prog="grdp",
        description=t("Kiểm tra, phân tách, dự báo và lập báo cáo kế hoạch GRDP của tỉnh. Thêm --lang en để dùng tiếng Anh.",
                      "Check, decompose, forecast and report a province's GRDP plan."),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="{check,intake,forecast,backtest,whatif,report}")
    plan_help = t("tệp chỉ tiêu kế hoạch (CSV/XLSX); mặc định: kế hoạch 2025 kèm theo",
                  "plan indicators file (CSV/XLSX); default: the embedded 2025 plan")
    lang_help = t("ngôn ngữ: vi (mặc định) hoặc en", "language: vi (default) or en")

    def add_lang(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=("vi", "en"), default="vi", help=lang_help)

    check = sub.add_parser("check", help=t("kiểm tra kế hoạch: 9 tháng, quý IV và cả năm của từng chỉ tiêu có khớp nhau không",
                                           "audit the plan: does each indicator's 9 months, Q4 and year hold together?"))
    check.add_argument("file", nargs="?", type=Path, default=None, help=plan_help)
    check.add_argument("--format", choices=("table", "csv", "json"), default="table", help=t("dạng kết quả", "output format"))
    add_lang(check)
    check.add_argument("--strict", action="store_true",
                       help=t("trả mã 1 cả khi có kết luận 'không hợp lý', không chỉ 'không khớp'",
                              "exit 1 also on implausible findings (figures that hold only under assumptions outside "
                              "their plausible range), not only on inconsistent ones"))
    check.set_defaults(func=_cmd_check)

    intake = sub.add_parser("intake", help=t("đọc bảng kế hoạch, ghi dạng CSV gọn", "read the plan tables and write their tidy CSV forms"))
    intake.add_argument("--plan", type=Path, default=None, help=plan_help)
    intake.add_argument("--tasks", type=Path, default=None, help=t("tệp nhiệm vụ kèm kế hoạch (CSV/XLSX)", "plan tasks file (CSV/XLSX)"))
    intake.add_argument("--out", type=Path, default=None, help=t("thư mục ghi; mặc định: data/processed", "output folder; default: data/processed"))
    intake.set_defaults(func=_cmd_intake)

    forecast = sub.add_parser("forecast", help=t("dự báo tăng trưởng GRDP cả năm từ số 9 tháng, kèm xác suất đạt mục tiêu",
                                                 "forecast the year's GRDP growth from the 9 months, with target probabilities"))
    forecast.add_argument("growth_9m", nargs="?", type=_growth, default=None,
                          help=t("tăng trưởng 9 tháng, %% (8,01 hoặc 8.01); mặc định: dòng GRDP của kế hoạch",
                                 "9-month growth, %% (8.01 or 8,01); default: the plan's GRDP row"))
    forecast.add_argument("--plan", type=Path, default=None, help=plan_help)
    forecast.add_argument("--history", type=Path, default=None,
                          help=t("chuỗi quý của chính Thống kê tỉnh, CSV: period,growth_yoy_pct (vd. 2023Q1,8.22)",
                                 "your own quarterly CSV: period,growth_yoy_pct (e.g. 2023Q1,8.22)"))
    forecast.add_argument("--q4-weight", type=_weight, default=None,
                          help=t("tỷ trọng quý IV trong GRDP năm trước, trong (0; 1), vd. 0,32; mặc định: của tỉnh theo kế hoạch",
                                 "Q4's share of the previous year, in (0, 1), e.g. 0.32 (default: the province's, from its plan's "
                                 "rows; for a bare 9-month figure the nation's latest)"))
    forecast.add_argument("--level", type=_level, default=0.8,
                          help=t("mức của khoảng dự báo: 0,8 hoặc 80 (%%); mặc định 0,8", "interval level: 0.8 or 80 (%%); default 0.8"))
    add_lang(forecast)
    forecast.set_defaults(func=_cmd_forecast)

    bt = sub.add_parser("backtest", help=t("các phương pháp dự báo đã đúng đến đâu tại mỗi lần công bố số 9 tháng từ 2013 (cả nước, hoặc --panel)",
                                           "how the forecast methods did at each 9-month release since 2013 (nation, or --panel)"))
    bt.add_argument("--vintage", choices=("first", "latest"), default="first",
                    help=t("số công bố lần đầu (mặc định) hoặc mới nhất", "first-published (default) or latest figures"))
    bt.add_argument("--panel", action="store_true",
                    help=t("chấm các phương pháp cấp tỉnh trên số liệu các tỉnh, bỏ từng năm ra",
                           "score the provincial methods on the provinces' panel, leaving one year out"))
    bt.add_argument("--predictive", choices=("empirical", "t"), default="empirical",
                    help=t("với --panel: sai số như đã có (mặc định) hoặc dạng t định trước",
                           "with --panel: the errors as they are (default) or the t form specified before scoring"))
    add_lang(bt)
    bt.set_defaults(func=_cmd_backtest)

    whatif = sub.add_parser("whatif", help=t("GRDP cả năm nếu một số ngành tăng trong quý IV như cho, vd. construction=20",
                                             "annual GRDP growth if some sectors grow as given in Q4, e.g. construction=20"))
    whatif.add_argument("sectors", nargs="+",
                        help=t("ngành=tăng trưởng quý IV %%: agriculture, industry, construction, services (vd. construction=20,5)",
                               "sector=Q4 growth %%: agriculture, industry, construction, services"))
    whatif.add_argument("--plan", type=Path, default=None, help=plan_help)
    add_lang(whatif)
    whatif.set_defaults(func=_cmd_whatif)

    report = sub.add_parser("report", help=t("việc chính: báo cáo Word, sổ tính Excel, bảng, hình và tóm tắt",
                                             "the main job: Word report, workbook, tables, figures and summary"))
    report.add_argument("--plan", type=Path, default=None, help=plan_help)
    report.add_argument("--out", type=Path, default=None,
                        help=t("thư mục của báo cáo; mặc định: reports/<ngôn ngữ>/<năm> (kế hoạch khác: tên tệp kế hoạch)",
                               "the report's folder; default: reports/<lang>/<year> (another plan: the plan file's name)"))
    report.add_argument("--csv-locale", choices=("en", "vi"), default="en",
                        help=t("dạng CSV: en (dấu phẩy, dấu chấm thập phân; mặc định) hoặc vi (dấu chấm phẩy, dấu phẩy thập phân, "
                               "cho Excel tiếng Việt)",
                               "CSV form: en (comma, decimal point; default) or vi (semicolon, decimal comma, for Vietnamese-locale Excel)"))
    add_lang(report)
    report.set_defaults(func=_cmd_report)
    return parser


def _one_line_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int, line: str | None = None) -> str:
    """Warnings as one line without source paths: what a statistician needs to act on."""
    return f"grdp: warning: {message}\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    import warnings

    if argv is None:  # the program itself, about to end (not main() called by a test or a notebook)
        _end_quickly()
    argv = list(sys.argv[1:] if argv is None else argv)
    english = _wants_english(argv)
    args = build_parser("en" if english else "vi").parse_args(argv)
    warnings.formatwarning = _one_line_warning
    prefix = "grdp: error:"  # as argparse's own messages say it, in either language
    try:
        status = int(args.func(args))
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
        return status
    except InputError as err:
        print(f"{prefix} {err}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        # the reader went away (`grdp check | head -1`): stop quietly, as a killed pipe would
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as err:  # unreadable plan, unwritable folder, a file where a folder should be: one line
        where = f" {err.filename}:" if getattr(err, "filename", None) else ""
        print(f"{prefix}{where} {err.strerror or err}", file=sys.stderr)
        return EXIT_INPUT


def _end_quickly() -> None:
    """Leave the objects a command makes to the operating system at exit, not to the interpreter's last collections.

    At exit the interpreter scans every object still alive for reference cycles; after ``grdp report``
    (pandas, statsmodels, matplotlib: some 250 000 objects) that took 0.4 s. An exit hook, which runs
    before those scans, moves them all to the collector's permanent generation (:func:`gc.freeze`),
    which the scans skip; the memory goes with the process as before, and nothing the command wrote
    changes. Only for the program: a test or a notebook that calls :func:`main` keeps collecting as usual.
    """
    import atexit
    import gc

    atexit.register(gc.freeze)  # at exit, after the command: everything it made, too


def _silence_stdout() -> None:
    """Point stdout at the null device so the interpreter's final flush cannot raise again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (in-process capture)
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
