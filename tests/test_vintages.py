"""grdp.vintages: what was published by when, derived quarters, origins and a user's history.

Expected values carry their provenance: the source_url of the row in
data/raw/national_gdp_releases.csv, or the derivation written out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from grdp import InputError
from grdp.core.periods import annual_growth, quarter_weights
from grdp.forecast.origin import Revision, history_origin, national_origin
from grdp.io.assumptions import assumptions
from grdp.io.datasets import national_releases
from grdp.io.history import read_history
from grdp.io.vintages import (
    REVISION_COLUMNS,
    as_of,
    growth_releases,
    national_quarter_weights,
    nine_month_release,
    published_on,
    quarterly_growth,
    revisions,
    scaled_weights,
)

NATIONAL_QUARTER_WEIGHTS = national_quarter_weights()  # data/raw/assumptions.csv, rows national_q1_weight-national_q4_weight

W1, W2, W3, W4 = NATIONAL_QUARTER_WEIGHTS


# ---- release dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [("2013-12-23", "2013-12-23"), ("2014-09", "2014-09-30"), ("2024-02", "2024-02-29"), ("2025", "2025-12-31"), ("2025-09/10", "2025-10-31")],
)
def test_a_release_date_counts_from_the_last_day_it_can_mean(text, day):
    assert published_on(text) == pd.Timestamp(day)


@pytest.mark.parametrize("text", ["", "Sept 2014", "2014-9", "2023 (Yearbook 2022, table 39)"])
def test_an_unreadable_release_date_is_an_input_error(text):
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        published_on(text)


def test_every_national_growth_row_has_a_readable_date_and_a_source():
    r = growth_releases()
    assert len(r) == 159  # total growth rows of national_gdp_releases.csv (Q1-Q4, H1, 9M, Y)
    assert r["published"].notna().all()
    assert r["source_url"].str.startswith("http").all()


# ---- origins: the 9-month release ------------------------------------------------------------


def test_origin_is_the_first_nine_month_release():
    # https://vienthongke.vn/bao-cao-tinh-hinh-kinh-te-xa-hoi-quy-iii-va-9-thang-nam-2024/ (release_date 2024-10-06)
    assert nine_month_release(2024) == pd.Timestamp("2024-10-06")
    # https://www.sggp.org.vn/gdp-9-thang-chi-tang-424-post707610.html (2023-09-29)
    assert nine_month_release(2023) == pd.Timestamp("2023-09-29")


def test_origin_without_a_first_nine_month_row_is_the_earliest_quote_within_the_year():
    # 2013: only the MPI estimate, dated "2013-09" (https://vnexpress.net/gdp-9-thang-dau-nam-uoc-tang-5-14-2884351.html)
    assert nine_month_release(2013) == pd.Timestamp("2013-09-30")
    # 2015: CIEM's quote of 2015-10-26 (https://baodanang.vn/english/business/201510/viet-nam-economy-grows-681-in-q3-2449315);
    # the 2016-09 and 2018-09 quotes are later and not used
    assert nine_month_release(2015) == pd.Timestamp("2015-10-26")


def test_no_nine_month_release_raises():
    with pytest.raises(ValueError, match="no 9-month growth of 2030"):
        nine_month_release(2030)


# ---- as_of: figures published by a day ------------------------------------------------------


def test_as_of_never_sees_a_later_release():
    t = as_of("2013-09-30")
    # 2012 annual: 5.03 first released 2012-12-24 (http://vietq.vn/gdp-nam-2012-tang-khong-nhu-ky-vong-d14597.html);
    # the 5.25 of 2013-12-23 (2010 prices) came after the origin
    assert t.loc[2012, "Y"] == 5.03
    assert np.isnan(t.loc[2013, "Y"]) and np.isnan(t.loc[2013, "Q3"])  # both first printed 2013-12-23
    r = growth_releases()
    for (year, period), value in t.stack().dropna().items():
        rows = r[(r["year"] == year) & (r["period"] == period) & (r["value"] == value)]
        assert (rows["published"] <= pd.Timestamp("2013-09-30")).any(), (year, period, value)


def test_first_and_latest_vintages():
    # Q1 2014: 4.96 first (2014-03, http://www.taichinhdientu.vn/thongke-dubao/quy-i2014-gdp-uoc-tang-496-133882.html),
    # 5.09 as quoted in the 9-month release (2014-09, https://fica.dantri.com.vn/thoi-su/vi-mo/gdp-ca-nuoc-9-thang-tang-5-62--20583.html),
    # 5.06 in the annual release (2014-12)
    assert as_of("2014-09-30").loc[2014, "Q1"] == 4.96
    assert as_of("2014-09-30", vintage="latest").loc[2014, "Q1"] == 5.09
    assert as_of("2014-12-31", vintage="latest").loc[2014, "Q1"] == 5.06
    with pytest.raises(ValueError, match="vintage must be one of: 'first', 'latest'"):
        as_of("2014-09-30", vintage="final")


def test_first_release_wins_a_tie_on_the_same_day():
    # 2022 annual: "first" and "revised_series_as_quoted_2022-12", both 8.02 on 2022-12-29; the 9M 2022 first is 8.83
    # (later 8.98, 9.44): the first pick keeps the first release
    t = as_of("2025-12-31")
    assert t.loc[2022, "9M"] == 8.83


# ---- derived quarters -----------------------------------------------------------------------


def test_missing_q3_is_derived_from_the_nine_months():
    # Origin 2013 (2013-09-30): 9M 5.14, Q1 4.89, Q2 5.00 (MPI estimate,
    # https://vnexpress.net/gdp-9-thang-dau-nam-uoc-tang-5-14-2884351.html); Q3 from the identity
    q = quarterly_growth(as_of(nine_month_release(2013)), through="2013Q3")
    expected = (5.14 * (W1 + W2 + W3) - W1 * 4.89 - W2 * 5.00) / W3
    assert q.values["2013Q3"] == pytest.approx(expected, abs=1e-9)
    assert q.derived["2013Q3"] and not q.derived["2013Q2"]
    # the statistics office printed 5.54 in December (http://baovinhlong.com.vn/thoi-su/201312/gdp-ca-nuoc-nam-2013-tang-542-2541787/)
    assert abs(q.values["2013Q3"] - 5.54) < 0.1


def test_two_quarters_known_only_through_one_aggregate_share_its_growth():
    # Origin 2016 (2016-09-29): 9M 5.93 and Q3 6.40 (http://www.hiephoibanle.com/news/5194/GDP-9-thang-uoc-tang-5,93.html);
    # Q1 and Q2 first printed in December (5.48, 5.78: http://vov.vn/kinh-te/gdp-ca-nuoc-nam-2016-tang-621-581415.vov)
    q = quarterly_growth(as_of(nine_month_release(2016)), through="2016Q3")
    h1 = (5.93 * (W1 + W2 + W3) - W3 * 6.40) / (W1 + W2)
    assert q.values["2016Q1"] == pytest.approx(h1) and q.values["2016Q2"] == pytest.approx(h1)
    later_h1 = (W1 * 5.48 + W2 * 5.78) / (W1 + W2)
    assert abs(h1 - later_h1) < 0.1


def test_quarterly_series_has_no_gaps_through_every_origin():
    for year in range(2013, 2026):
        q = quarterly_growth(as_of(nine_month_release(year)), through=f"{year}Q3")
        assert q.values.notna().all()
        assert q.values.index[-1] == pd.Period(f"{year}Q3", freq="Q")
        assert q.values.index[0] == pd.Period("2011Q1", freq="Q")


@given(
    st.lists(st.floats(-5, 15, allow_nan=False), min_size=4, max_size=4),
    st.sampled_from([(0,), (1,), (2,), (3,), (0, 1)]),
)
def test_a_derived_quarter_reproduces_the_aggregates_it_came_from(quarters, missing):
    # Round trip: aggregate four quarters with the weights, hide some quarters, derive them back.
    w = np.array(NATIONAL_QUARTER_WEIGHTS)
    g = np.array(quarters)
    row = {f"Q{i + 1}": g[i] for i in range(4)}
    row.update({"H1": w[:2] @ g[:2] / w[:2].sum(), "9M": w[:3] @ g[:3] / w[:3].sum(), "Y": w @ g})
    for i in missing:
        row[f"Q{i + 1}"] = np.nan
    table = pd.DataFrame([row], index=pd.Index([2020], name="year"))
    q = quarterly_growth(table, through="2020Q4")
    got = q.values.to_numpy()
    if missing == (0, 1):  # only H1 pins them: both get H1's growth, and H1 is reproduced
        assert w[:2] @ got[:2] / w[:2].sum() == pytest.approx(row["H1"], abs=1e-9)
        assert got[2:] == pytest.approx(g[2:])
    else:
        assert got == pytest.approx(g, abs=1e-9)


# ---- weights --------------------------------------------------------------------------------


def test_national_weights_are_the_reference_means(reference_levels):
    ref = reference_levels[(reference_levels["sector"] == "GDP") & (reference_levels["price_basis"] == "constant2010")]
    levels = pd.Series(ref["value_bn_vnd"].to_numpy(), index=pd.PeriodIndex([f"{y}{q}" for y, q in zip(ref["year"], ref["quarter"])], freq="Q"))
    w = quarter_weights(levels)
    table = pd.DataFrame({"year": w.index.year, "q": w.index.quarter, "w": w.to_numpy()}).pivot(index="year", columns="q", values="w")
    means = table.loc[2013:2024].mean()
    assert sum(NATIONAL_QUARTER_WEIGHTS) == pytest.approx(1.0)
    for q in range(4):
        assert NATIONAL_QUARTER_WEIGHTS[q] == pytest.approx(means[q + 1], abs=0.0006)
    assert table.loc[2013:2024, 4].min() < W4 < table.loc[2013:2024, 4].max()  # 0.26-0.28 band of the issue
    # the latest year's Q4 weight (Q4 2023 / year 2023, the weight of 2024): the provinces' labelled fallback
    assert assumptions().national_q4_weight_latest == pytest.approx(table.loc[2024, 4], abs=0.0005) == 0.282


def test_scaled_weights_keep_the_q1_q3_pattern():
    w = scaled_weights(0.32)
    assert sum(w) == pytest.approx(1.0) and w[3] == 0.32
    assert w[0] / w[2] == pytest.approx(W1 / W3)
    with pytest.raises(ValueError, match="q4_weight must be in"):
        scaled_weights(1.2)


# ---- national origin ------------------------------------------------------------------------


def test_national_origin_2024():
    o = national_origin(2024)
    # 9M 6.82 and Q3 7.40, both first released 2024-10-06
    # (https://vienthongke.vn/bao-cao-tinh-hinh-kinh-te-xa-hoi-quy-iii-va-9-thang-nam-2024/)
    assert o.growth_9m == 6.82 and o.quarters["2024Q3"] == 7.40
    assert o.date == pd.Timestamp("2024-10-06")
    assert list(o.past.index) == list(range(2011, 2024))
    # 2023: 9M 4.24 (https://www.sggp.org.vn/gdp-9-thang-chi-tang-424-post707610.html),
    # year 5.05 (https://vneconomy.vn/vuot-qua-con-gio-nguoc-toan-cau-gdp-nam-2023-uoc-tang-5-05.htm)
    assert o.past.loc[2023, "nine_months"] == 4.24 and o.past.loc[2023, "annual"] == 5.05


def test_revision_of_the_nine_months_by_the_annual_release():
    o = national_origin(2025)
    p = o.past.dropna(subset=["nine_months", "q4", "annual"])
    # r = (gY - w4 g4) / (1 - w4) - g9M, year by year (the identity solved for the 9 months)
    r = (p["annual"] - W4 * p["q4"]) / (1 - W4) - p["nine_months"]
    assert o.revision.mean == pytest.approx(r.mean()) and o.revision.sd == pytest.approx(r.std(ddof=1))
    assert o.revision.n == len(r) == 13  # 2011-2024 less 2015 (Q4 2015 never printed alone)
    # 2024 by hand: 9M 6.82, Q4 7.55, year 7.09 (https://dantri.com.vn/kinh-doanh/gdp-viet-nam-nam-2024-tang-truong-an-tuong-709-20250106093943787.htm)
    assert r[2024] == pytest.approx((7.09 - W4 * 7.55) / (1 - W4) - 6.82)


def test_the_origin_carries_the_annual_release_revision_published_by_then():
    for year in (2013, 2020, 2025):
        o = national_origin(year)
        r = revisions("9M", horizon="annual_release", published_by=o.date)
        assert r["year"].max() == year - 1  # the year's own annual figure comes a quarter later
        assert o.revision == Revision.measure(horizon="annual_release", published_by=o.date)
        assert (o.revision.n, o.revision.horizon) == (len(r), "annual_release")
        assert o.revision.mean == pytest.approx(r["revision"].mean()) and o.revision.sd == pytest.approx(r["revision"].std(ddof=1))
        assert Revision.from_past(o.past, W4) == o.revision  # the same identity on the origin's own past table


def test_national_origin_needs_past_years():
    # at the 2012 9-month release (2012-09-27) only 2011 had both a 9-month and an annual figure
    with pytest.raises(ValueError, match="at least 2 past years"):
        national_origin(2012)


# ---- revisions: one definition, three horizons ----------------------------------------------


def _earliest(rows: pd.DataFrame) -> pd.Series:
    """The earliest published row (``first`` wins a tie), read without grdp.vintages' sorting."""
    key = [(published_on(d), int(rel != "first")) for d, rel in zip(rows["release_date"], rows["release"], strict=True)]
    return rows.iloc[min(range(len(rows)), key=key.__getitem__)]


def test_annual_release_revisions_from_the_raw_file():
    # Independent derivation: for every year with a 9-month, a Q4 and an annual figure, their first
    # releases in national_gdp_releases.csv, and the identity solved for the 9 months.
    f = national_releases()
    f = f[(f["sector"] == "total") & (f["measure"] == "growth_yoy_pct")]
    want = {}
    for year, rows in f.groupby("year"):
        firsts = {p: _earliest(rows[rows["period"] == p]) for p in ("9M", "Q4", "Y") if (rows["period"] == p).any()}
        if len(firsts) == 3:
            want[year] = (firsts["Y"]["value"] - W4 * firsts["Q4"]["value"]) / (1 - W4) - firsts["9M"]["value"]
    got = revisions("9M", horizon="annual_release").set_index("year")["revision"]
    assert got.index.tolist() == sorted(want) == [2011, 2012, 2013, 2014, *range(2016, 2026)]  # Q4 2015 never printed alone
    assert got.tolist() == pytest.approx([want[y] for y in sorted(want)])


def test_annual_release_revision_of_2024_by_hand():
    r = revisions("9M", horizon="annual_release").set_index("year")
    assert list(r.columns) == [*REVISION_COLUMNS[1:], "q4", "annual"]
    # 9M 6.82 (https://vienthongke.vn/bao-cao-tinh-hinh-kinh-te-xa-hoi-quy-iii-va-9-thang-nam-2024/, 2024-10-06);
    # Q4 7.55 and year 7.09 (https://dantri.com.vn/kinh-doanh/gdp-viet-nam-nam-2024-tang-truong-an-tuong-709-20250106093943787.htm, 2025-01-06)
    assert r.loc[2024, ["first", "q4", "annual", "later_date"]].tolist() == [6.82, 7.55, 7.09, "2025-01-06"]
    assert r.loc[2024, "later"] == pytest.approx((7.09 - W4 * 7.55) / (1 - W4))
    assert r.loc[2024, "revision"] == pytest.approx((7.09 - W4 * 7.55) / (1 - W4) - 6.82)


@pytest.mark.parametrize("w4", [W4, 0.32])
def test_the_implied_nine_months_and_q4_give_back_the_annual_figure(w4):
    # Round trip through the period identity: gY = (1 - w4) g9M_implied + w4 g4.
    r = revisions("9M", horizon="annual_release", q4_weight=w4)
    assert annual_growth(r["later"], r["q4"], rest_weight=w4).to_numpy() == pytest.approx(r["annual"].to_numpy())


def test_next_and_latest_horizons_read_the_later_vintages_of_the_printed_figure():
    nxt = revisions("9M", horizon="next").set_index("year")
    lat = revisions("9M", horizon="latest").set_index("year")
    # 2022: first 8.83 (https://viettimes.vn/gdp-quy-32022-cua-viet-nam-tang-1367-post160774.html), quoted 8.98 in
    # 2024-10 (https://mekongasean.vn/nhung-dia-phuong-tang-truong-grdp-2-chu-so-9-thang-nam-2024-34276.html) and 9.44
    # on 2025-10-06 (https://vietnamnet.vn/ban-tin-vietnamnet-7-10-mo-rong-dieu-tra-cac-hanh-vi-khac-trong-vu-hoang-huong-pre2449802.html)
    assert (nxt.loc[2022, "later"], lat.loc[2022, "later"]) == (8.98, 9.44)
    # 2015's 6.50 (CIEM, 2015-10-26) was quoted at 6.53 on 2016-09-29 (http://www.hiephoibanle.com/news/5194/GDP-9-thang-uoc-tang-5,93.html)
    # and again on 2018-09-28 (https://thoidai.com.vn/tang-truong-gdp-9-thang-cao-nhat-8-nam-qua-62558.html):
    # the later vintages differ, the revision does not
    assert nxt.loc[2015, "later_date"] == "2016-09-29" and lat.loc[2015, "later_date"] == "2018-09-28"
    assert nxt["revision"].drop(2022).equals(lat["revision"].drop(2022))  # 2022 is the one year they part
    assert nxt.index.min() == 2013  # 2011-2012 first releases at 1994 prices have no comparable later vintage
    by_2024 = revisions("9M", horizon="latest", published_by="2024-12-31").set_index("year")
    assert by_2024.loc[2022, "later"] == 8.98


def test_revision_options_are_validated():
    with pytest.raises(TypeError, match="horizon"):
        revisions("9M")  # type: ignore[call-arg]  # a revision means nothing without its horizon
    with pytest.raises(ValueError, match="horizon must be one of: 'annual_release', 'next', 'latest'"):
        revisions("9M", horizon="final")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="for period '9M' of sector 'total' only"):
        revisions("Y", horizon="annual_release")
    with pytest.raises(ValueError, match="period must be one of: 'Q1'"):
        revisions("10M", horizon="next")
    with pytest.raises(ValueError, match="sector must be one of: .*'total'"):
        revisions("9M", horizon="next", sector="fishing")
    with pytest.raises(ValueError, match="q4_weight must be in"):
        revisions("9M", horizon="annual_release", q4_weight=1.5)


# ---- a user's history -----------------------------------------------------------------------


def _write(tmp_path, text, name="tinh.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_history_file(tmp_path):
    # Hưng Yên (old) 2024 quarters as published in 2025 (provinces_hungyen_thaibinh.csv,
    # https://ngoisao.vn/theo-dong-su-kien/kien-thuc/du-kien-sap-nhap-tinh-nao-se-thay-the-bac-ninh-tro-thanh-tinh-nho-nhat-nuoc-ta-452557.htm)
    path = _write(tmp_path, 'period,growth_yoy_pct,note\n2024Q3,8.70,\n2024Q1,6.07,x\n2024-Q2,"8,74",\n2024Q4,7.24 %,\n')
    h = read_history(path)
    assert h.index.astype(str).tolist() == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    assert h.tolist() == [6.07, 8.74, 8.70, 7.24]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("quy,growth\n2024Q1,6\n", "tinh.csv, row 1: the header must name the columns period, growth_yoy_pct"),
        ("period,growth_yoy_pct\n2024Q1,6\n2024/2,7\n", "tinh.csv, row 3, column 'period': '2024/2': a period must be a quarter"),
        ("period,growth_yoy_pct\n2024Q1,7.5-8\n", "tinh.csv, row 2, column 'growth_yoy_pct': '7.5-8': growth must be one number"),
        ("period,growth_yoy_pct\n2024Q1,\n", "tinh.csv, row 2, column 'growth_yoy_pct': '': growth must be one number"),
        ("period,growth_yoy_pct\n2024Q1,abc\n", "tinh.csv, row 2, column 'growth_yoy_pct': 'abc'"),
        ("period,growth_yoy_pct\n2024Q1,6\n2024Q1,7\n", "tinh.csv, row 3, column 'period': '2024Q1': this quarter is given twice"),
        ("period,growth_yoy_pct\n2024Q1,6\n2024Q4,7\n", "quarters are missing: 2024Q2, 2024Q3"),
        ("period,growth_yoy_pct\n", "no quarters in the file"),
    ],
)
def test_read_history_refuses_with_one_line(tmp_path, text, message):
    with pytest.raises(InputError) as err:
        read_history(_write(tmp_path, text))
    assert message in str(err.value)


def test_read_history_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_history(tmp_path / "none.csv")


def test_history_origin_builds_the_past_through_the_identity():
    g = pd.Series([6.0, 7.0, 8.0, 9.0, 5.0, 6.0, 7.0, 10.0, 8.0, 8.0, 8.0], index=pd.period_range("2022Q1", periods=11, freq="Q"))
    o = history_origin(g, 8.0, q4_weight=0.32)
    w = scaled_weights(0.32)
    # 9 months and year of 2023 by the identities gYTD = Σ w g / Σ w, gY = Σ w g
    assert o.past.loc[2023, "nine_months"] == pytest.approx((w[0] * 5 + w[1] * 6 + w[2] * 7) / (w[0] + w[1] + w[2]))
    assert o.past.loc[2023, "annual"] == pytest.approx(w[0] * 5 + w[1] * 6 + w[2] * 7 + w[3] * 10)
    assert o.year == 2024 and o.q4_weight == 0.32 and o.quarters is not None
    assert o.revision == national_origin().revision  # borrowed from the national first releases


def test_history_origin_ending_in_q4_forecasts_the_next_year_without_quarters():
    g = pd.Series([6.0] * 8, index=pd.period_range("2022Q1", periods=8, freq="Q"))
    o = history_origin(g, 7.0)
    assert o.year == 2024 and o.quarters is None


def test_history_origin_needs_two_complete_years():
    g = pd.Series([6.0] * 7, index=pd.period_range("2023Q1", periods=7, freq="Q"))
    with pytest.raises(InputError, match="at least 2 complete years"):
        history_origin(g, 7.0)
