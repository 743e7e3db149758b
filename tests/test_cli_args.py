"""Every numeric argument read in either language, every range a one-line error, pipes and OS errors without tracebacks (issue 13 item 5)."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from grdp.cli import EXIT_BROKEN_PIPE, EXIT_INPUT, _decimal, _level, _weight, build_parser, main


@pytest.mark.parametrize(("text", "value"), [("8,01", 8.01), ("8.01", 8.01), (" 0,32 ", 0.32), ("-0,5", -0.5), ("1\u00a0000,5", 1000.5)])
def test_decimal_comma_or_point(text, value):
    assert _decimal(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["nan", "inf", "-inf", "8,0,1", "tám", ""])
def test_not_a_finite_number_is_refused(text):
    with pytest.raises(argparse.ArgumentTypeError):
        _decimal(text)


def test_weight_is_a_share_and_level_a_fraction_or_percent():
    assert _weight("0,32") == pytest.approx(0.32)
    for bad in ("32", "0", "1", "-0,3"):  # issue 13: `--q4-weight 32` crashed with a traceback
        with pytest.raises(argparse.ArgumentTypeError, match="strictly between 0 and 1"):
            _weight(bad)
    assert _level("0,8") == pytest.approx(0.8) and _level("80") == pytest.approx(0.8)  # `--level 80` read as 80 %
    for bad in ("0", "100", "150"):
        with pytest.raises(argparse.ArgumentTypeError, match="fraction in"):
            _level(bad)


def test_forecast_reads_a_decimal_comma():
    args = build_parser().parse_args(["forecast", "8,01", "--q4-weight", "0,321", "--level", "95"])
    assert (args.growth_9m, args.q4_weight, args.level) == (pytest.approx(8.01), pytest.approx(0.321), pytest.approx(0.95))


@pytest.mark.parametrize("argv", [["forecast", "--q4-weight", "32"], ["forecast", "--level", "150"], ["forecast", "--q4-weight", "nan"],
                                  ["forecast", "800"]])
def test_out_of_range_arguments_exit_2_with_one_line(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == EXIT_INPUT
    errors = [line for line in capsys.readouterr().err.splitlines() if "error" in line]
    assert len(errors) == 1 and "Traceback" not in errors[0]


def test_help_is_vietnamese_by_default_and_english_on_request(capsys):
    for argv, phrase in ((["--help"], "Kiểm tra, phân tách, dự báo"), (["--help", "--lang", "en"], "audit the plan")):
        with pytest.raises(SystemExit):
            main(argv)
        assert phrase in capsys.readouterr().out


def test_os_errors_are_one_line(tmp_path, capsys):
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    assert main(["report", "--out", str(tmp_path / "a_file")]) == EXIT_INPUT
    assert capsys.readouterr().err.strip() == f"grdp: error: {tmp_path / 'a_file'} is a file, not a folder"
    assert main(["check", str(tmp_path / "missing.csv"), "--lang", "en"]) == EXIT_INPUT
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("grdp: error:") and "missing.csv" in err[0]


def test_a_closed_pipe_ends_quietly():
    # `grdp check | head -1`: the reader leaves after one line; no BrokenPipe traceback, exit 141 as a shell would report
    code = ("import sys, grdp.cli as c; sys.stdout = open(sys.stdout.fileno(), 'w', buffering=1, closefd=False); "
            "sys.exit(c.main(['check']))")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.close()  # before the first line: every write meets a closed pipe
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == EXIT_BROKEN_PIPE
    assert b"Traceback" not in err and b"BrokenPipe" not in err


def test_report_takes_the_csv_locale():
    assert build_parser().parse_args(["report", "--csv-locale", "vi"]).csv_locale == "vi"
    assert build_parser().parse_args(["report"]).csv_locale == "en"  # comma and decimal point unless asked


def test_an_empty_history_or_a_folder_as_plan_is_one_line(tmp_path, capsys):
    # issue 13: `--history` naming an empty file ended in pandas' EmptyDataError traceback
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    assert main(["forecast", "--history", str(tmp_path / "empty.csv")]) == EXIT_INPUT
    assert capsys.readouterr().err.strip() == "grdp: error: empty.csv: the file is empty: it needs a header and one row per quarter"
    assert main(["check", str(tmp_path)]) == EXIT_INPUT
    assert "a folder, not a plan file" in capsys.readouterr().err


INJECTION = '=HYPERLINK("http://example.com","x")'
"""An indicator name a spreadsheet would run (issue 13: `check --format csv` and `intake` kept it verbatim)."""


def test_check_csv_and_intake_keep_formula_text_inert(write_plan, tmp_path, capsys):
    # row 12 of Phụ lục 1 (the embedded plan) renamed; everything else as published
    plan = write_plan({("12", "Chỉ tiêu"): INJECTION})
    main(["check", str(plan), "--format", "csv"])
    out = capsys.readouterr().out
    assert "'" + INJECTION.replace('"', '""') in out and "\n" + INJECTION[:10] not in out
    assert main(["intake", "--plan", str(plan), "--out", str(tmp_path / "processed")]) == 0
    written = (tmp_path / "processed" / "plan_2025_indicators.csv").read_text(encoding="utf-8")  # plan_<year>_indicators.csv
    assert "'=HYPERLINK" in written and ",=HYPERLINK" not in written
