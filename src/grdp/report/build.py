"""The main job: turn a plan into the report (``grdp report``).

:func:`build_report` runs each section of :data:`SECTIONS` in
turn — plan, tasks, audit, sector decomposition, forecast, sensitivity — and
writes one folder per plan (default ``reports/<lang>/<year>/`` for the
embedded plan, ``reports/<lang>/<plan file stem>/`` for another):

``bao_cao_<year>.docx`` / ``report_<year>.docx``
    the report in the administrative format (:mod:`grdp.report.document`).
``grdp_<year>.xlsx``
    the workbook, one sheet per table.
``tom_tat.md`` / ``summary.md``
    the same findings in Markdown.
``figures/``
    PNG (300 dpi) and SVG of every figure, in the report style.
``tables/``
    one CSV per table.

The report is written into a temporary folder beside the target and moved into
place when complete: a re-run replaces that report's files (and removes those it
no longer writes), a failed run leaves the previous report as it was, and a
folder that holds anything but a grdp report is never written into. Nothing
written depends on the time or the machine: running it twice gives the same
bytes (tested).
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from grdp.audit.check import check_plan
from grdp.core.errors import OutputError
from grdp.core.forking import ForkedCall, can_fork
from grdp.core.threads import one_blas_thread
from grdp.core.typing import CsvLocale, Lang
from grdp.core.validation import check_lang, check_literal
from grdp.figures.background import BackgroundFigures
from grdp.forecast.backtesting import backtest_fits
from grdp.forecast.methods import import_models
from grdp.io.paths import reports_dir
from grdp.io.plan import Plan, default_plan_path, load_plan
from grdp.io.tasks import default_tasks_path
from grdp.report.audit import audit_section
from grdp.report.context import ReportContext, Section, SectionBuilder
from grdp.report.document import DocumentFigure, DocumentSection, ReportDocument, numbering, write_docx
from grdp.report.export import write_csvs, write_markdown, write_workbook
from grdp.report.forecast import forecast_section
from grdp.report.glossary import glossary
from grdp.report.markup import as_markdown, plain
from grdp.report.plan import plan_section, tasks_section
from grdp.report.sectors import sectors_section
from grdp.report.sensitivity import sensitivity_section

__all__ = ["SECTIONS", "ReportResult", "build_report", "report_folder", "MARKER"]

SECTIONS: list[tuple[str, SectionBuilder]] = [
    ("plan", plan_section),
    ("tasks", tasks_section),
    ("audit", audit_section),
    ("sectors", sectors_section),
    ("forecast", forecast_section),
    ("sensitivity", sensitivity_section),
]
"""The report's sections in order."""

MARKER = ".grdp-report"
"""The file that marks a folder as a grdp report (which plan, which language, which files): only such a folder is replaced."""


@dataclass(frozen=True)
class ReportResult:
    """Where everything went."""

    out_dir: Path
    files: tuple[Path, ...]
    seconds_by_section: tuple[tuple[str, float], ...]

    def summary(self) -> str:
        lines = [f"{len(self.files)} files in {self.out_dir}"]
        lines += [f"  {p.relative_to(self.out_dir)}" for p in self.files if p.is_relative_to(self.out_dir)]
        lines += [f"  {p}" for p in self.files if not p.is_relative_to(self.out_dir)]
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# the job


def _progress_to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def report_folder(plan: Plan, plan_path: str | Path | None, lang: Lang) -> Path:
    """Where a plan's report goes by default: ``reports/<lang>/<year>`` for the embedded plan, else the plan file's stem.

    >>> from grdp.io.plan import load_plan
    >>> report_folder(load_plan(), None, "vi").relative_to(reports_dir()).as_posix()
    'vi/2025'
    """
    return reports_dir() / lang / (str(plan.year) if _embedded(plan_path) else Path(plan_path or "").stem)


def _embedded(plan_path: str | Path | None) -> bool:
    """Whether ``plan_path`` names the embedded plan (or nothing, which means it)."""
    return plan_path is None or Path(plan_path).resolve() == default_plan_path().resolve()


def build_report(
    *,
    plan_path: str | Path | None = None,
    out_dir: str | Path | None = None,
    tasks_path: str | Path | None = None,
    lang: Lang = "vi",
    csv_locale: CsvLocale = "en",
    progress: Callable[[str], None] | None = _progress_to_stderr,
) -> ReportResult:
    """Write the report's document, workbook, CSV tables, figures and summary into one folder.

    Parameters
    ----------
    plan_path : str or Path, optional
        A plan file in the published layout (CSV/XLSX); default: the embedded 2025 plan.
    out_dir : str or Path, optional
        The report's folder; default :func:`report_folder`. It must be new, empty or an earlier
        grdp report (marked by :data:`MARKER`), which is replaced as a whole.
    tasks_path : str or Path, optional
        The departments' tasks (Phụ lục 2) of the plan; default: the embedded
        tasks with the embedded plan, none with another plan.
    lang : {"vi", "en"}
    csv_locale : {"en", "vi"}
        The CSV tables' separators: ``"en"`` comma and decimal point, ``"vi"`` semicolon and
        decimal comma (what Vietnamese-locale Excel opens as numbers).
    progress : callable, optional
        Receives one line per step (default: printed to stderr); ``None`` for silence.

    Returns
    -------
    ReportResult
        The files written, in a stable order, and the seconds each section took.

    Raises
    ------
    OutputError
        When the folder cannot be written (a file, a link, someone else's folder, no permission).
    """
    lang = check_lang(lang)
    csv_locale = check_literal("csv_locale", csv_locale, CsvLocale)
    say = progress or (lambda _msg: None)
    plan = load_plan(plan_path)
    out = Path(out_dir) if out_dir is not None else report_folder(plan, plan_path, lang)
    _check_target(out)
    tasks = Path(tasks_path) if tasks_path is not None else (default_tasks_path() if _embedded(plan_path) else None)
    ctx = ReportContext(plan=plan, lang=lang, audit=check_plan(plan, lang=lang), tasks_path=tasks)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
        staging.chmod(0o755)  # mkdtemp's folder is private; the report is not
    except OSError as err:
        raise OutputError(f"cannot write the report into {out.parent}: {err.strerror or err}") from None
    # Where children may be forked (grdp.core.forking), the work is spread over the cores: each section's
    # figures are saved in a child as soon as the section is done (grdp.figures.background), and the
    # backtest's 64 model fits (~2 s) are made in a child while the first sections run. Processes then share
    # the cores, so BLAS in each keeps to one thread (a thread waiting for a busy core slows a call several
    # times; the numbers are the same, tested). Measured on 2 idle cores: 8.5 s in turn, 5.2 s spread.
    forking = can_fork()
    sections: list[Section] = []
    timings: list[tuple[str, float]] = []
    with one_blas_thread() if forking else contextlib.nullcontext():
        figures = BackgroundFigures(parallel=forking)
        if forking:
            import_models()  # needed by the forecast anyway: imported before the fork, not again in the child
            ctx.backtest_fits = ForkedCall(functools.partial(backtest_fits, lang=lang))
        try:
            for i, (key, builder) in enumerate(SECTIONS, start=1):
                say(f"[{i}/{len(SECTIONS)}] {key}…")
                t0 = time.perf_counter()
                sections.append(builder(ctx))
                timings.append((key, time.perf_counter() - t0))
                figures.submit((f.figure, staging / "figures" / stem) for stem, f in sections[-1].figures.items())
            if ctx.backtest_fits is not None:  # not taken: the plan has no forecast
                ctx.backtest_fits.cancel()

            say(ctx.t("Ghi báo cáo, hình, bảng và tóm tắt…", "Writing the report, figures, tables and summary…"))
            names = _write_all(ctx, sections, staging, csv_locale=csv_locale, figures=figures)
            _publish(staging, out)
        except BaseException:
            figures.cancel()
            if ctx.backtest_fits is not None:
                ctx.backtest_fits.cancel()
            shutil.rmtree(staging, ignore_errors=True)
            raise
    result = ReportResult(out, tuple(out / name for name in names), tuple(timings))
    say(result.summary())
    return result


def _write_all(ctx: ReportContext, sections: list[Section], folder: Path, *, csv_locale: CsvLocale,
               figures: BackgroundFigures | None = None) -> list[str]:
    """Write every file of the report into ``folder``; their paths relative to it, in a stable order.

    ``figures`` holds the sections' figures, submitted as ``folder/figures/<stem>`` in the sections'
    order (some perhaps saved already); default: every figure is saved here.
    """
    plan, lang = ctx.plan, ctx.lang
    year = plan.year
    if figures is None:
        figures = BackgroundFigures(parallel=False)
        figures.submit((f.figure, folder / "figures" / stem) for s in sections for stem, f in s.figures.items())
    tables = [t for s in sections for t in s.tables]
    csvs = write_csvs(tables, folder / "tables", csv_locale=csv_locale)  # while the figures' children finish
    workbook = write_workbook(tables, folder / f"grdp_{year}.xlsx", lang=lang)
    files: list[Path] = figures.finish()
    pngs = {p.stem: p for p in files if p.suffix == ".png"}
    files += [*csvs, workbook]

    parts = tuple(
        DocumentSection(
            s.title,
            as_markdown(s.summary),
            tuple(t for t in s.tables if t.in_document),
            tuple(DocumentFigure(stem, pngs[stem], f.caption, f.source) for stem, f in s.figures.items()),
        )
        for s in sections
    )
    findings = tuple((f, i) for i, s in enumerate(sections, start=1) for f in s.lead) + tuple(
        (f, i) for i, s in enumerate(sections, start=1) for f in s.headline)
    words = [f.text for f, _ in findings] + [plain(p.text) for p in parts] + [f.caption for p in parts for f in p.figures]
    document = ReportDocument(
        year=year,
        lang=lang,
        title=ctx.t("BÁO CÁO", "REPORT"),
        subtitle=ctx.t(f"Kết quả phân tích kế hoạch phát triển kinh tế - xã hội năm {year}",
                       f"Analysis of the {year} socio-economic development plan"),
        findings=findings,
        sections=parts,
        glossary=tuple(glossary(words, lang)),
        workbook=workbook.name,
        workbook_only=tuple(t for t in tables if not t.in_document),
    )
    files.append(write_docx(document, folder / ctx.t(f"bao_cao_{year}.docx", f"report_{year}.docx")))
    files.append(_write_summary(ctx, document, folder / ctx.t("tom_tat.md", "summary.md")))
    names = [p.relative_to(folder).as_posix() for p in files]
    marker = [f"grdp report: plan {plan.source}, year {year}, lang {lang}", *names]
    (folder / MARKER).write_text("\n".join(marker) + "\n", encoding="utf-8", newline="\n")
    return names


def _write_summary(ctx: ReportContext, document: ReportDocument, path: Path) -> Path:
    """The Markdown twin of the document: the same findings, sections, numbered tables and figures, glossary."""
    lang = ctx.lang
    marks = numbering(document.sections)
    body: list[tuple[str, str]] = [(
        ctx.t("I. Những kết quả chính", "I. Key findings"),
        "\n".join(f"- {f.text} {marks.refs(f, i, lang)}" for f, i in document.findings),
    )]
    for i, part in enumerate(document.sections, start=1):
        listing = [ctx.t(f"Biểu {marks.tables[t.name]}. {t.title} — `tables/{t.name}.csv`",
                         f"Table {marks.tables[t.name]}. {t.title} — `tables/{t.name}.csv`") for t in part.tables]
        listing += [ctx.t(f"Hình {marks.figures[f.stem]}. {f.caption} — `figures/{f.png.name}`",
                          f"Figure {marks.figures[f.stem]}. {f.caption} — `figures/{f.png.name}`") for f in part.figures]
        text = part.text + ("\n\n" + "\n".join(f"- {line}" for line in listing) if listing else "")
        body.append((f"{ctx.t('II', 'II')}.{i}. {part.title}", text))
    if document.workbook_only:
        body.append((ctx.t("Biểu chỉ có trong sổ tính", "Tables only in the workbook"),
                     "\n".join(f"- {t.title} — `tables/{t.name}.csv`" for t in document.workbook_only)))
    if document.glossary:
        body.append((ctx.t("III. Giải thích thuật ngữ", "III. Glossary"),
                     "\n".join(f"- **{e.term(lang)}**: {e.meaning(lang)}" for e in document.glossary)))
    return write_markdown(body, path, title=ctx.t(f"Kế hoạch năm {document.year}: kết quả phân tích",
                                                  f"The {document.year} plan: findings"))


def _check_target(out: Path) -> None:
    """Refuse a target that is a link, a file, or a folder holding anything but an earlier grdp report."""
    if out.is_symlink():
        raise OutputError(f"{out} is a link; grdp writes a report only into a real folder")
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutputError(f"{out} holds files grdp did not write; give an empty or new folder (--out)")


def _publish(staging: Path, out: Path) -> None:
    """Move the finished report into place: the earlier report at ``out`` (if any) goes as a whole."""
    _check_target(out)
    retired = None
    try:
        if out.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
            out.rename(retired / out.name)
        staging.rename(out)
    except OSError as err:
        if retired is not None and not out.exists() and (retired / out.name).exists():
            (retired / out.name).rename(out)
        raise OutputError(f"cannot write the report into {out}: {err.strerror or err}") from None
    finally:
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
