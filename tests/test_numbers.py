"""Reading printed figures: every convention of the seed, the errors, and parse/format round trips."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grdp import InputError, PrintedValue, format_number, format_value, parse_value

# (text, unit, low, high, bound, precision) — provenance: the seed cell (Phụ lục 1 row) or DESIGN.md's table.
SEED_CELLS = [
    ("8.01", "%", 8.01, 8.01, "exact", 2),  # row 1, 9 months
    ("14,2-15,8", "%", 14.2, 15.8, "range", 1),  # row 1, Q4
    ("10-10,5", "%", 10.0, 10.5, "range", 1),  # row 1, year: read at its most precise end
    ("29.0", "%", 29.0, 29.0, "exact", 1),  # row 2.3, Q4: the trailing zero is printed precision
    ("71,062", "Tỷ đồng", 71062.0, 71062.0, "exact", 0),  # row 8: comma groups thousands
    (">3.338", "Tỷ đồng", 3338.0, None, ">", 0),  # row 8, Q4
    (">74.400", "Tỷ đồng", 74400.0, None, ">", 0),  # row 8, year
    ("2.04", "Tỷ USD", 2.04, 2.04, "exact", 2),  # row 9
    (">2", "Tỷ USD", 2.0, None, ">", 0),  # row 9, year
    ("2,250", "Căn hộ", 2250.0, 2250.0, "exact", 0),  # row 10
    ("101.5", "Triệu đồng", 101.5, 101.5, "exact", 1),  # row 11
    ("3.9", "Triệu lượt khách", 3.9, 3.9, "exact", 1),  # row 12
    ("94", "%", 94.0, 94.0, "exact", 0),  # row 15
    ("45,400", "Người", 45400.0, 45400.0, "exact", 0),  # row 16, 9 months
    ("14.600 trở lên", "Người", 14600.0, None, ">=", 0),  # row 16, Q4
    ("60.000 trở\nlên", "Người", 60000.0, None, ">=", 0),  # row 16, year, as the PDF breaks it
    (">90", "%", 90.0, None, ">", 0),  # rows 18-19
    ("-", "%", None, None, "missing", None),  # "not given"
]


@pytest.mark.parametrize(("text", "unit", "low", "high", "bound", "precision"), SEED_CELLS)
def test_seed_cells(text, unit, low, high, bound, precision):
    v = parse_value(text, unit=unit)
    assert (v.low, v.high, v.bound, v.precision) == (low, high, bound, precision)


# DESIGN.md, "Numbers as printed": further forms to expect.
OTHER_FORMS = [
    ("14,2–15,8", None, 14.2, 15.8, "range", 1),  # en dash
    ("14,2 — 15,8", None, 14.2, 15.8, "range", 1),  # em dash, spaces
    ("\u00a08,01\u00a0", None, 8.01, 8.01, "exact", 2),  # non-breaking spaces
    ("tối thiểu 5", None, 5.0, None, ">=", 0),
    ("Tối thiểu 5", None, 5.0, None, ">=", 0),  # case-insensitive
    ("không quá 3,5", None, None, 3.5, "<=", 1),
    ("dưới 2", None, None, 2.0, "<", 0),
    ("< 2", None, None, 2.0, "<", 0),
    ("≥ 10,5", None, 10.5, None, ">=", 1),
    ("khoảng 150", None, 150.0, 150.0, "approx", 0),
    ("8,01%", None, 8.01, 8.01, "exact", 2),
    ("1.234,5", None, 1234.5, 1234.5, "exact", 1),  # both marks: the last is decimal
    ("1,234.5", None, 1234.5, 1234.5, "exact", 1),
    ("1.234.567", None, 1234567.0, 1234567.0, "exact", 0),  # repeated mark groups thousands
    ("0,125", None, 0.125, 0.125, "exact", 3),  # leading zero: decimals
    ("−1,5", None, -1.5, -1.5, "exact", 1),  # Unicode minus
    ("-6,17", "%", -6.17, -6.17, "exact", 2),  # national Q3 2021 growth
    ("-1,5-2,0", "%", -1.5, 2.0, "range", 1),
    ("", None, None, None, "missing", None),
    ("2.040", "Tỷ USD", 2.04, 2.04, "exact", 3),  # a province's FDI cannot be 2 040 bn USD
]


@pytest.mark.parametrize(("text", "unit", "low", "high", "bound", "precision"), OTHER_FORMS)
def test_other_forms(text, unit, low, high, bound, precision):
    v = parse_value(text, unit=unit)
    assert (v.low, v.high, v.bound, v.precision) == (low, high, bound, precision)


def test_nfd_text_reads_like_nfc():
    import unicodedata

    nfd = unicodedata.normalize("NFD", "60.000 trở lên")
    assert nfd != "60.000 trở lên"
    assert parse_value(nfd, unit="Người") == parse_value("60.000 trở lên", unit="Người")


@pytest.mark.parametrize(
    ("text", "unit", "reason"),
    [
        ("71,062", None, "ambiguous"),  # the thousand-fold error DESIGN.md warns about
        ("71.062", "%", "ambiguous"),  # % does not decide a lone separator before 3 digits
        ("2,250", "Giường", "ambiguous"),
        ("15,8-14,2", "%", "reversed range"),
        ("10..5", "%", "not a number"),
        ("10,,5", "%", "not a number"),
        ("1.23.4", None, "cannot group thousands"),
        ("1,2,3", None, "cannot group thousands"),
        ("45,4", "Người", "cannot have decimals"),
        ("> 5 trở lên", None, "two qualifiers"),
        ("khoảng 10-12", "%", "qualifier on a range"),
        ("10-10", "%", "equal ends"),
        ("abc", "%", "not a number"),
        ("8,01 tỷ", "%", "not a number"),
    ],
)
def test_unreadable_cells_raise_with_text_and_reason(text, unit, reason):
    with pytest.raises(InputError) as info:
        parse_value(text, unit=unit)
    assert reason in str(info.value)
    assert info.value.text == text


def test_error_message_names_file_row_column_and_text():
    err = InputError("reversed range", text="15,8-14,2").at(file="plan.csv", row=4, column="Mục tiêu Quý IV")
    assert str(err) == "plan.csv, row 4, column 'Mục tiêu Quý IV': '15,8-14,2': reversed range"
    assert "\n" not in str(err)


def test_style_decides_where_the_unit_cannot():
    assert parse_value("71.062", style="vi").low == 71062.0
    assert parse_value("71.062", style="en").low == 71.062
    assert parse_value("71,062", style="vi").low == 71.062
    with pytest.raises(InputError):
        parse_value("8.01", style="vi")  # a dot before two digits is not a Vietnamese thousands mark


@pytest.mark.parametrize(
    ("x", "precision", "vi", "en"),
    [
        (71062, 0, "71.062", "71,062"),
        (14.2, 1, "14,2", "14.2"),
        (8.01, 2, "8,01", "8.01"),
        (-1234.5, 1, "-1.234,5", "-1,234.5"),
        (1e6, 0, "1.000.000", "1,000,000"),
        (-0.001, 1, "0,0", "0.0"),  # no negative zero in a report
    ],
)
def test_format_number(x, precision, vi, en):
    assert format_number(x, precision=precision, style="vi") == vi
    assert format_number(x, precision=precision, style="en") == en


def test_format_value_writes_each_form():
    assert format_value(parse_value("14,2-15,8", unit="%")) == "14,2–15,8"
    assert format_value(parse_value(">74.400", unit="Tỷ đồng")) == ">74.400"
    assert format_value(parse_value(">74.400", unit="Tỷ đồng"), style="en") == ">74,400"
    assert format_value(parse_value("60.000 trở lên", unit="Người")) == "≥60.000"
    assert format_value(parse_value("khoảng 150")) == "khoảng 150"
    assert format_value(parse_value("-")) == "-"


def test_printed_value_rejects_unknown_bound():
    with pytest.raises(ValueError, match="bound must be one of"):
        PrintedValue(1.0, 1.0, "about", 0)  # type: ignore[arg-type]


# ---- property tests: parse(format(x)) == x in both styles -------------------------------------

decimals = st.integers(min_value=0, max_value=4)
magnitudes = st.integers(min_value=-(10**10), max_value=10**10)


@st.composite
def printed_numbers(draw) -> tuple[float, int]:
    p = draw(decimals)
    x = Decimal(draw(magnitudes)).scaleb(-p)
    return float(x), p


@settings(max_examples=300, deadline=None)
@given(printed_numbers(), st.sampled_from(["vi", "en"]))
def test_parse_format_number_round_trip(xp, style):
    x, p = xp
    v = parse_value(format_number(x, precision=p, style=style), style=style)
    assert v.low == x and v.high == x and v.precision == p


@st.composite
def printed_values(draw) -> PrintedValue:
    bound = draw(st.sampled_from(["exact", "range", ">", ">=", "<", "<=", "approx", "missing"]))
    if bound == "missing":
        return PrintedValue(None, None, "missing", None)
    x, p = draw(printed_numbers())
    if bound == "range":
        y = float(Decimal(repr(x)) + Decimal(draw(st.integers(1, 10**6))).scaleb(-p))
        return PrintedValue(x, y, "range", p)
    if bound in (">", ">="):
        return PrintedValue(x, None, bound, p)
    if bound in ("<", "<="):
        return PrintedValue(None, x, bound, p)
    return PrintedValue(x, x, bound, p)


@settings(max_examples=300, deadline=None)
@given(printed_values(), st.sampled_from(["vi", "en"]))
def test_parse_format_value_round_trip(v, style):
    assert parse_value(format_value(v, style=style), style=style) == v


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=10**9))
def test_thousands_unit_reads_vietnamese_integers_without_a_style(n):
    text = format_number(n, precision=0, style="vi")
    assert parse_value(text, unit="Tỷ đồng").low == n
    assert parse_value(format_number(n, precision=0, style="en"), unit="Người").low == n
