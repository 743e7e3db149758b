"""Bad input gets a clear answer and loses nothing (issue 2, item 6).

The corpus is ``tests/bad_inputs/``: one file per defect, each derived from the
clean raw plan or tasks, listed in ``tests/bad_inputs/cases.csv`` with what must
happen (see the README there). Every case is either refused with an
:class:`~grdp.InputError` naming file, row, column and text, or normalised to
exactly the clean table, or (issue 13) read as typed and audited: ``grdp check``
gives the planted row a finding with the expected verdict. Expected rows,
columns and texts in ``cases.csv`` are derived from the planted defect (the
spreadsheet row of the edited cell in the clean file), not copied from the
loader's output.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pytest

from grdp import InputError, PlanWarning, load_plan, load_tasks
from grdp.audit.check import check_plan
from grdp.audit.findings import VERDICTS
from grdp.io.intake import write_csv
from grdp.io.paths import raw_dir
from grdp.io.plan import default_plan_path
from grdp.io.tables import _column_letter
from grdp.io.tasks import default_tasks_path

CORPUS = Path(__file__).parent / "bad_inputs"
CORPUS_TOOLS = {"cases.csv", "README.md", "make_binary_cases.py"}
LOADERS: dict[str, Callable[..., pd.DataFrame]] = {"plan": lambda path=None: load_plan(path).to_frame(), "tasks": load_tasks}
COLUMNS = ["file", "loader", "defect", "outcome", "row", "column", "text", "reason", "equals", "warning", "verdict"]
_EQUALS = re.compile(r"clean(?:, rows \+(\d+))?")


def _load_maker() -> ModuleType:
    """Import make_binary_cases.py by path, without leaving a __pycache__ in the corpus."""
    spec = importlib.util.spec_from_file_location("make_binary_cases", CORPUS / "make_binary_cases.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    dont_write, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = dont_write
    return module


MAKER = _load_maker()


def _read_cases() -> list[dict[str, str]]:
    with open(CORPUS / "cases.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, strict=True)
        assert reader.fieldnames == COLUMNS, f"cases.csv header must be {COLUMNS}"
        return list(reader)


CASES = _read_cases()
ERRORS = [c for c in CASES if c["outcome"] == "error"]
NORMALISED = [c for c in CASES if c["outcome"] == "normalised"]
AUDITED = [c for c in CASES if c["outcome"] == "audited"]


def _ids(cases: list[dict[str, str]]) -> list[str]:
    return [c["file"] for c in cases]


@pytest.fixture(scope="session")
def made_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where make_binary_cases.py builds the non-text cases (never the corpus, never data/raw)."""
    return tmp_path_factory.mktemp("bad_inputs_made")


def case_path(case: dict[str, str], made_dir: Path) -> Path:
    committed = CORPUS / case["file"]
    if committed.is_file():
        return committed
    made = made_dir / case["file"]
    if not made.is_file():
        MAKER.make(case["file"], made_dir)
    return made


def _load(case: dict[str, str], path: Path) -> pd.DataFrame:
    return LOADERS[case["loader"]](path)


@pytest.fixture(scope="session")
def clean() -> dict[str, pd.DataFrame]:
    return {"plan": LOADERS["plan"](), "tasks": load_tasks()}


# --- the list itself ------------------------------------------------------------------------


def test_cases_csv_is_well_formed():
    assert len({c["file"] for c in CASES}) == len(CASES), "a file is listed twice"
    for c in CASES:
        assert c["loader"] in LOADERS, c
        assert c["outcome"] in ("error", "normalised", "audited"), c
        if c["outcome"] == "error":
            assert c["reason"] and not c["equals"] and not c["warning"] and not c["verdict"], c
            assert c["row"] == "" or c["row"].isdigit(), c
        elif c["outcome"] == "audited":
            assert c["loader"] == "plan" and c["row"].isdigit() and c["column"] and c["text"] and c["reason"], c
            assert c["verdict"] in VERDICTS and not c["equals"] and not c["warning"], c
        else:
            assert _EQUALS.fullmatch(c["equals"]) and not c["verdict"], c
            assert not (c["row"] or c["column"] or c["text"] or c["reason"]), c
        if c["loader"] == "tasks":
            assert re.search(r"20\d\d", c["file"]), f"{c['file']}: a tasks file name carries its year"


def test_every_corpus_file_is_a_case_and_every_case_has_a_file():
    listed = {c["file"] for c in CASES}
    present = {p.name for p in CORPUS.iterdir() if p.is_file()} - CORPUS_TOOLS
    assert present - listed == set(), "files in tests/bad_inputs missing from cases.csv"
    assert listed - present - set(MAKER.CASES) == set(), "cases.csv rows with no file and no maker"
    assert set(MAKER.CASES) - listed == set(), "make_binary_cases.py builds cases that cases.csv does not list"


def test_the_corpus_covers_issue_2_item_6():
    # The defects issue 2 names; each must have at least one case.
    files = {c["file"] for c in CASES}
    for needed in (
        "missing_unit_column.csv", "unit_column_spelled_out.csv", "column_twice.csv", "empty.csv",
        "header_only.csv", "whitespace_only.csv", "reversed_range.csv", "double_dot.csv",
        "unit_empty_ambiguous.csv", "decimals_in_count.csv", "nfd_text.csv", "nbsp_in_cells.csv",
        "cp1258.csv", "latin1.csv", "duplicate_stt.csv", "missing_stt.csv", "stt_decimal_comma.csv",
        "stt_letter.csv", "cell_beyond_header.csv", "xlsx_merged_text.xlsx", "xlsx_merged_value.xlsx",
        "tasks_2025_missing_deadline_column.csv", "tasks_2025_duplicate_task_no.csv", "title_row.csv",
    ):
        assert needed in files, needed


def test_the_corpus_covers_issue_13_items_4_and_7():
    files = {c["file"] for c in CASES}
    for needed in (
        "grdp_year_80_percent.csv", "grdp_year_7.csv", "grdp_year_grouped_typo.csv", "done_level_as_bound.csv",
        "done_ratio_as_bound.csv", "huge_number_400_digits.csv", "percent_column_english_grouping.csv",
        "row_with_more_fields.csv", "control_character.csv", "full_width_digits.csv",
        "tasks_2025_span_reversed_months.csv", "tasks_2025_span_reversed_quarters.csv", "tasks_2025_year_zero.csv",
        "xlsx_hidden_first_sheet.xlsx", "xlsx_very_hidden_first_sheet.xlsx", "xlsx_cell_at_xfd1048576.xlsx",
        "xlsx_merged_to_last_row.xlsx", "xlsx_unpacks_too_large.xlsx", "csv_over_5_mb.csv",
    ):
        assert needed in files, needed


def test_invisible_defects_are_really_there(made_dir):
    """Defects an editor hides; if one were 'repaired' on save its case would test nothing."""
    nfd = (CORPUS / "nfd_text.csv").read_text(encoding="utf-8")
    assert nfd == unicodedata.normalize("NFD", nfd) != unicodedata.normalize("NFC", nfd)
    assert "\u00a0" in (CORPUS / "nbsp_in_cells.csv").read_text(encoding="utf-8")
    assert "71\u00a0062" in (CORPUS / "nbsp_between_digits.csv").read_text(encoding="utf-8")
    assert (CORPUS / "empty.csv").stat().st_size == 0
    assert (CORPUS / "whitespace_only.csv").read_text(encoding="utf-8").split() == []
    assert ",8.0\x071," in (CORPUS / "control_character.csv").read_text(encoding="utf-8")
    assert "１０-１０,５" in (CORPUS / "full_width_digits.csv").read_text(encoding="utf-8")
    clean_text = default_plan_path().read_text(encoding="utf-8")
    cp1258 = case_path({"file": "cp1258.csv"}, made_dir).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        cp1258.decode("utf-8")
    # decoded as cp1258 and recomposed, it is the clean file (with Windows line ends)
    assert unicodedata.normalize("NFC", cp1258.decode("cp1258")) == clean_text.replace("\n", "\r\n")
    excel = case_path({"file": "excel_csv_utf8.csv"}, made_dir).read_bytes()
    assert excel.startswith(b"\xef\xbb\xbf") and b"\r\n" in excel
    assert case_path({"file": "utf16_unicode_text.csv"}, made_dir).read_bytes()[:2] == b"\xff\xfe"


# --- each case ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", ERRORS, ids=_ids(ERRORS))
def test_error_names_file_row_column_and_text(case, made_dir):
    path = case_path(case, made_dir)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(InputError) as info:
            _load(case, path)
    err = info.value
    assert err.location.file == case["file"]
    assert err.location.row == (int(case["row"]) if case["row"] else None)
    assert err.location.column == (case["column"] or None)
    assert err.text == (case["text"] or None)
    assert case["reason"] in err.reason
    assert str(err).startswith(case["file"])
    # a refused file gives the error and nothing else (the CLI prints exactly one line)
    assert [str(w.message) for w in caught if issubclass(w.category, PlanWarning)] == []


@pytest.mark.parametrize("case", NORMALISED, ids=_ids(NORMALISED))
def test_normalised_equals_the_clean_table(case, made_dir, clean):
    path = case_path(case, made_dir)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = _load(case, path)
    messages = [str(w.message) for w in caught if issubclass(w.category, PlanWarning)]
    if case["warning"]:
        assert len(messages) == 1 and case["warning"] in messages[0] and case["file"] in messages[0]
    else:
        assert messages == []
    shift = int(_EQUALS.fullmatch(case["equals"])[1] or 0)
    expected = clean[case["loader"]].copy()
    expected["source_row"] = expected["source_row"] + shift
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    for key in ("target_year", "months_done", "year"):
        assert got.attrs.get(key) == expected.attrs.get(key), key
    assert got.attrs["source"] == case["file"]


@pytest.mark.parametrize("case", AUDITED, ids=_ids(AUDITED))
def test_audited_as_typed_with_a_finding_that_says_why(case, made_dir):
    """A figure read as typed whose audit finding, not an exception, tells what is wrong with it."""
    path = case_path(case, made_dir)
    plan = load_plan(path)
    row = next(r for r in plan.rows if r.source_row == int(case["row"]))
    period = next(p for p in ("done", "rest", "year") if plan.period_label(p) == case["column"])
    assert row.value(period).text == case["text"]  # read from the cell the defect was planted in
    findings = [f for f in check_plan(plan).items if f.stt == row.stt]
    assert any(f.verdict == case["verdict"] and case["reason"] in f.detail + f.warning for f in findings), findings


# --- the command line -----------------------------------------------------------------------


def _intake(grdp_cli: Callable[..., Any], case: dict[str, str], path: Path, out: Path) -> Any:
    """``grdp intake`` on one case, in this process (tests/test_cli.py runs the real process)."""
    flag = "--plan" if case["loader"] == "plan" else "--tasks"
    return grdp_cli("intake", flag, str(path), "--out", str(out))


@pytest.mark.parametrize("case", ERRORS, ids=_ids(ERRORS))
def test_cli_refuses_with_one_line_and_status_2(case, made_dir, tmp_path, grdp_cli):
    path = case_path(case, made_dir)
    res = _intake(grdp_cli, case, path, tmp_path / "out")
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr
    assert res.stderr.count("\n") == 1 and res.stderr.endswith("\n")
    with pytest.raises(InputError) as info:
        _load(case, path)
    assert res.stderr == f"grdp: error: {info.value}\n"  # the loader's message, naming the file
    assert case["file"] in res.stderr
    if case["loader"] == "plan":  # the plan is read first: nothing was written
        assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("case", NORMALISED, ids=_ids(NORMALISED))
def test_cli_reads_a_normalised_file(case, made_dir, tmp_path, clean, grdp_cli):
    path = case_path(case, made_dir)
    res = _intake(grdp_cli, case, path, tmp_path / "out")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    if case["warning"]:
        assert case["warning"] in res.stderr
    else:
        assert res.stderr == ""
    if case["equals"] == "clean":  # what was written is what the clean file gives, to the byte
        name = "plan_2025_indicators.csv" if case["loader"] == "plan" else "plan_2025_tasks.csv"
        reference = write_csv(clean[case["loader"]], tmp_path / "clean" / name)
        assert (tmp_path / "out" / name).read_bytes() == reference.read_bytes()


@pytest.mark.parametrize("case", AUDITED, ids=_ids(AUDITED))
def test_cli_checks_an_audited_file(case, made_dir, grdp_cli):
    res = grdp_cli("check", str(case_path(case, made_dir)))
    assert res.returncode == (1 if case["verdict"] == "inconsistent" else 0), res.stderr
    assert "Traceback" not in res.stderr and res.stderr == ""


# --- nothing is written ---------------------------------------------------------------------


def _snapshot(*folders: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder.parent)): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_reading_every_case_writes_nothing(made_dir, tmp_path, grdp_cli):
    for case in CASES:  # build the generated cases first: they live in a temporary folder
        case_path(case, made_dir)
    before = _snapshot(raw_dir(), CORPUS)
    for case in CASES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PlanWarning)
            try:
                _load(case, case_path(case, made_dir))
            except InputError:
                pass
    for case in (ERRORS[0], NORMALISED[0]):
        _intake(grdp_cli, case, case_path(case, made_dir), tmp_path / "out")
    assert _snapshot(raw_dir(), CORPUS) == before
    # and the raw plan files are still the ones the manifest recorded
    with open(raw_dir() / "MANIFEST.csv", encoding="utf-8", newline="") as f:
        manifest = {row["file"]: row["sha256"] for row in csv.DictReader(f)}
    for path in (default_plan_path(), default_tasks_path()):
        assert hashlib.sha256(path.read_bytes()).hexdigest() == manifest[path.name]


def test_cases_are_never_made_into_data_raw():
    with pytest.raises(ValueError, match="never written into data/raw"):
        MAKER.make("cp1258.csv", raw_dir())


@pytest.mark.parametrize(
    ("index", "letter"),
    # bijective base 26, as spreadsheets number columns: Z is the 26th, AA the 27th, ZZ the 702nd
    [(0, "A"), (8, "I"), (9, "J"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")],
)
def test_column_letters(index, letter):
    assert _column_letter(index) == letter
