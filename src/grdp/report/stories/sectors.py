"""What notebook 03 says about a plan's sector targets: the base, the bridge, contributions, agreement, the share.

The sentences around the sector decomposition, written from the plan's
sector rows (output growth of agriculture, industry, construction and
services), its GRDP row and its share row, on the merged province's base
structure (:func:`grdp.sectors.structure.merged_structure` of the plan's year),
and the notebook's display tables in its language. A plan without one of
those rows gets, in place of a table or chart, a
:class:`~grdp.report.stories.applicability.NotApplicable` naming the row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import pandas as pd

from grdp.audit.findings import PlanAudit
from grdp.core.labels import label
from grdp.core.numbers import format_frame, format_number, format_value
from grdp.core.typing import Lang, Period
from grdp.core.validation import check_lang
from grdp.core.wording import Prose, num, period_names, phrase, span
from grdp.figures.sectors import plot_contributions, plot_required_growth
from grdp.io.datasets import national_releases
from grdp.io.plan import GRDP_KEY, MissingFigures, Plan
from grdp.report.stories.applicability import NotApplicable, not_applicable
from grdp.sectors.contributions import (
    calibrated_bridge,
    implied_growth_grid,
    plan_contributions,
    required_growth_table,
    split_sensitivity,
)
from grdp.sectors.conventions import PublishedContributions, read_contributions
from grdp.sectors.decomposition import contributions_table, implied_growth
from grdp.sectors.keys import sector_label
from grdp.sectors.share import SHARE_KEY, share_grid
from grdp.sectors.share_path import national_seasonal_gaps
from grdp.sectors.structure import (
    OLD_HUNG_YEN,
    THAI_BINH,
    combined_industry_split,
    default_split,
    industry_split_evidence,
    merged_structure,
    split_range,
)
from grdp.sectors.targets import PLAN_SECTORS, calibrated_range, plan_sector_growth, require_figures, sector_growth

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "SECTOR_KEYS",
    "targets_story",
    "structure_story",
    "industry_split_story",
    "split_evidence_table",
    "convention_examples",
    "conventions_story",
    "bridge_story",
    "display_splits",
    "split_sensitivity_display",
    "contribution_cases",
    "contributions_story",
    "contributions_display",
    "contributions_figure",
    "required_growth_tables",
    "required_growth_display",
    "required_growth_figure",
    "growth_grid_display",
    "share_story",
    "share_grid_display",
    "sector_verdicts",
]

SECTOR_KEYS: tuple[str, ...] = (GRDP_KEY, *PLAN_SECTORS.values())
"""The rows every sector analysis reads: GRDP growth and the four sectors' output growth."""

_T = TypeVar("_T")
_SECTOR_CHECKS = ("sectors_vs_grdp", "share_from_sectors")
_RELEASES = {"party_congress_estimate": ("ước tính trong văn kiện Đại hội Đảng bộ tỉnh",
                                         "the estimate in the provincial Party Congress documents")}
_BASES = {"levels, constant 2010 prices": ("mức, giá so sánh 2010", "levels, constant 2010 prices"),
          "implied by industry, construction and industry+construction growth": (
              "suy ra từ tốc độ tăng của CN, XD và CN-XD", "implied by industry, construction and industry+construction growth")}
_PROVINCES = {OLD_HUNG_YEN: "fc_prov_hungyen_old", THAI_BINH: "fc_prov_thaibinh"}



def _row_name(key: str, lang: Lang) -> str:
    """A plan row a reader recognises: ``tăng trưởng GRDP``, ``công nghiệp`` …"""
    sectors = {v: k for k, v in PLAN_SECTORS.items()}
    if key in sectors:
        return phrase(lang, f"tăng trưởng GTSX ngành {sector_label(sectors[key], lang).lower()}",
                      f"{sector_label(sectors[key], lang).lower()} output growth")
    return {GRDP_KEY: phrase(lang, "tăng trưởng GRDP", "GRDP growth"),
            SHARE_KEY: phrase(lang, "tỷ trọng công nghiệp, xây dựng và dịch vụ", "share of industry, construction and services")
            }.get(key, key)


def _absent(plan: Plan, keys: tuple[str, ...], lang: Lang) -> NotApplicable | None:
    names = [_row_name(k, lang) for k in keys if plan.row(k) is None]
    if not names:
        return None
    return not_applicable(f"kế hoạch không có dòng {', '.join(names)}", f"the plan has no row for {', '.join(names)}", lang=lang)


def _guarded(plan: Plan, keys: tuple[str, ...], lang: Lang, compute: Callable[[], _T]) -> _T | NotApplicable:
    """``compute()``, or why not: a row of ``keys`` absent, or a figure missing."""
    absent = _absent(plan, keys, lang)
    if absent is not None:
        return absent
    try:
        return compute()
    except MissingFigures as err:
        return not_applicable(err.describe("vi"), err.describe("en"), lang=lang)


def _printed(plan: Plan, key: str, period: Period, lang: Lang) -> str:
    row = plan.require(key)
    return "-" if row.value(period).is_missing else f"{format_value(row.value(period), style=lang)} %"


# --------------------------------------------------------------------------- the targets and the base


def targets_story(plan: Plan, *, lang: Lang | None = None) -> Prose:
    """The plan's sector, GRDP and share targets in one sentence, and which of those rows it lacks.

    Examples
    --------
    >>> from grdp import load_plan
    >>> targets_story(load_plan(), lang="en")
    The 2025 plan sets gross output growth targets for agriculture, forestry and fishery (4.4 %), industry (12.5 %), construction (15.4 %) and services (10.0 %); GRDP growth 10.0–10.5 %; the share of industry, construction and services 81.2 % after the 9 months, 83.0 % for the year.
    """
    lang = plan.language(lang)
    done, _ = period_names(plan.months_done, lang)
    parts = []
    sectors = [f"{sector_label(s, lang).lower()} ({_printed(plan, k, 'year', lang)})" for s, k in PLAN_SECTORS.items()
               if plan.row(k) is not None]
    if sectors:
        listed = ", ".join(sectors[:-1]) + phrase(lang, " và ", " and ") + sectors[-1] if len(sectors) > 1 else sectors[0]
        parts.append(phrase(lang, f"Kế hoạch năm {plan.year} giao mục tiêu tăng trưởng giá trị sản xuất (GTSX) cho {listed}",
                            f"The {plan.year} plan sets gross output growth targets for {listed}"))
    else:
        parts.append(phrase(lang, f"Kế hoạch năm {plan.year} không giao mục tiêu tăng trưởng GTSX theo ngành",
                            f"The {plan.year} plan sets no sector output growth target"))
    if plan.row(GRDP_KEY) is not None:
        parts.append(phrase(lang, "tăng trưởng GRDP ", "GRDP growth ") + _printed(plan, GRDP_KEY, "year", lang))
    if plan.row(SHARE_KEY) is not None:
        parts.append(phrase(
            lang,
            f"tỷ trọng công nghiệp, xây dựng và dịch vụ {_printed(plan, SHARE_KEY, 'done', lang)} sau {done}, "
            f"{_printed(plan, SHARE_KEY, 'year', lang)} cả năm",
            f"the share of industry, construction and services {_printed(plan, SHARE_KEY, 'done', lang)} after the {done}, "
            f"{_printed(plan, SHARE_KEY, 'year', lang)} for the year",
        ))
    text = "; ".join(parts) + "."
    missing = [_row_name(k, lang) for k in (*SECTOR_KEYS, SHARE_KEY) if plan.row(k) is None]
    if missing:
        text += phrase(lang, f" Kế hoạch không có dòng {', '.join(missing)}: các mục cần dòng đó sẽ nói rõ.",
                       f" The plan has no row for {', '.join(missing)}: the sections that need it say so.")
    return Prose(text)


def structure_story(plan: Plan, *, lang: Lang | None = None) -> Prose:
    """Which published structure weighs the plan's sectors, and how far it is from the right base.

    The right weights are the previous year's structure at constant prices;
    the merged province publishes a structure at current prices only, and the
    latest one may be the plan's own year.

    Examples
    --------
    >>> from grdp import load_plan
    >>> print(structure_story(load_plan(), lang="en"))  # doctest: +ELLIPSIS
    The latest structure published for the merged province up to 2025 is the estimate in the provincial Party Congress documents for 2025 (current prices, product taxes in the denominator). ... the right weights are the 2024 structure at constant prices. ...
    """
    lang = plan.language(lang)
    s = merged_structure(plan.year)
    base = plan.year - 1
    vi, en = _RELEASES.get(s.release, (s.release, s.release))
    head = phrase(
        lang,
        f"Cơ cấu mới nhất đã công bố cho tỉnh mới đến năm {plan.year} là {vi} cho năm {s.period} (giá hiện hành, thuế sản "
        "phẩm nằm trong mẫu số).",
        f"The latest structure published for the merged province up to {plan.year} is {en} for {s.period} (current prices, "
        "product taxes in the denominator).",
    )
    if int(s.period) == base:
        tail = phrase(lang, f"Đó là cơ cấu của năm gốc {base}; chỉ khác quyền số đúng ở chỗ tính theo giá hiện hành thay vì giá so sánh.",
                      f"It is the base year {base}'s own; it differs from the right weights only in being at current rather than constant prices.")
    else:
        tail = phrase(
            lang,
            f"Các phép tính dưới đây dùng nó làm quyền số của năm gốc — một giả định: quyền số đúng là cơ cấu năm {base} theo giá "
            f"so sánh. Kiểm tra kế hoạch (mục 8) xét cả hai cách đọc: cơ cấu của năm trước, hoặc cơ cấu của chính năm "
            f"{s.period} lùi về năm trước theo tốc độ tăng.",
            f"The computations below use it as the base year's weights — an assumption: the right weights are the {base} "
            f"structure at constant prices. The plan audit (section 8) tries both readings: last year's structure, or "
            f"{s.period}'s own back-cast with growth.",
        )
    return Prose(f"{head} {tail}")


def _national_split() -> tuple[int, float] | None:
    """Industry's share of industry + construction in the latest national year with both sectors' contributions and growth.

    Weights are proportional to contribution / growth (``C_i = s_i g_i``).
    """
    f = national_releases()
    f = f[(f["period"] == "Y") & (f["release"] == "first") & f["sector"].isin(["industry", "construction"])]
    wide = f.pivot_table(index=["year", "sector"], columns="measure", values="value", aggfunc="first")
    need = ["contrib_share_of_VA_growth_pct", "growth_yoy_pct"]
    if not set(need) <= set(wide.columns):
        return None
    wide = wide[need].dropna()
    years = [y for y in wide.index.get_level_values("year").unique() if len(wide.loc[y]) == 2]
    if not years:
        return None
    year = max(years)
    w = wide.loc[year, need[0]] / wide.loc[year, need[1]]
    return int(year), float(w["industry"] / w.sum())


def industry_split_story(*, lang: Lang = "vi") -> Prose:
    """The industry split the decomposition uses: default, the evidence's range, the admissible range, a national check.

    >>> industry_split_story(lang="en")
    Default: 0.822 (the two former provinces' splits weighted by the size of their industry and construction); the evidence spans 0.682–0.910, rounded outward to the admissible 0.68–0.92. National 2025, for comparison (from industry's and construction's shares of value added growth and their growth): 0.819.
    """
    lang = check_lang(lang)
    default, low, high = combined_industry_split()
    head = phrase(
        lang,
        f"Mặc định: {num(default, 3, lang)} (bình quân tỷ trọng của hai tỉnh cũ, quyền số là quy mô CN-XD); các số liệu trải từ "
        f"{span((low, high), 3, lang)}, làm tròn ra ngoài thành khoảng chấp nhận được {span(split_range(), 2, lang)}.",
        f"Default: {num(default, 3, lang)} (the two former provinces' splits weighted by the size of their industry and "
        f"construction); the evidence spans {span((low, high), 3, lang)}, rounded outward to the admissible "
        f"{span(split_range(), 2, lang)}.",
    )
    national = _national_split()
    if national is None:
        return Prose(head)
    year, split = national
    return Prose(head + phrase(
        lang,
        f" Cả nước {year} (đối chiếu, suy ra từ tỷ lệ đóng góp và tốc độ tăng của công nghiệp và xây dựng): {num(split, 3, lang)}.",
        f" National {year}, for comparison (from industry's and construction's shares of value added growth and their "
        f"growth): {num(split, 3, lang)}.",
    ))


def split_evidence_table(*, lang: Lang = "vi") -> pd.DataFrame:
    """:func:`grdp.sectors.structure.industry_split_evidence` for a reader: labelled, the share to 0,001."""
    lang = check_lang(lang)
    ev = industry_split_evidence()
    return pd.DataFrame({
        phrase(lang, "Tỉnh", "Province"): [label(_PROVINCES[p], lang) if p in _PROVINCES else p for p in ev["province"]],
        phrase(lang, "Kỳ", "Period"): ev["period"],
        phrase(lang, "Cách tính", "Basis"): [phrase(lang, *_BASES.get(b, (b, b))) for b in ev["basis"]],
        phrase(lang, "Tỷ trọng CN trong CN-XD", "Industry share of industry + construction"): [
            format_number(float(x), precision=3, style=lang) for x in ev["industry_share"]],
        phrase(lang, "Nguồn", "Source"): ev["source_url"],
    })


# --------------------------------------------------------------------------- published conventions


def convention_examples() -> dict[int, PublishedContributions]:
    """Two national years read by :func:`grdp.sectors.conventions.read_contributions`: the first printed in points, the latest in shares.

    Annual first releases of agriculture, industry + construction and services;
    shares are converted to points with taxes at their latest published share of
    GDP up to that year, growing like value added.

    >>> {y: c.convention for y, c in convention_examples().items()}
    {2011: 'points', 2025: 'share_of_growth'}
    """
    f = national_releases()
    f = f[(f["period"] == "Y") & (f["release"] == "first")]
    names = {"agri": "agriculture", "ind_con": "industry_construction", "services": "services"}
    out = {}
    for measure, pick in (("contrib_pp", min), ("contrib_share_of_VA_growth_pct", max)):
        rows = f[(f["measure"] == measure) & f["sector"].isin(list(names))]
        complete = [y for y, g in rows.groupby("year") if set(g["sector"]) == set(names)]
        year = int(pick(complete))
        printed = {names[s]: v for s, v in rows.loc[rows["year"] == year, ["sector", "value"]].itertuples(index=False)}
        growth = float(f.loc[(f["year"] == year) & (f["sector"] == "total") & (f["measure"] == "growth_yoy_pct"), "value"].iloc[0])
        taxes = f[(f["sector"] == "taxes") & (f["measure"] == "share_of_GDP_current_pct") & (f["year"] <= year)]
        weight = float(taxes.sort_values("year")["value"].iloc[-1]) / 100 if len(taxes) else None
        out[year] = read_contributions(printed, growth, taxes_weight=weight)
    return out


def conventions_story(*, lang: Lang = "vi") -> Prose:
    """The two national examples in words: what each printed set sums to and how it therefore reads.

    >>> print(conventions_story(lang="en"))
    - National 2011: 0.66 + 2.32 + 2.91 = 5.89 against growth of 5.89 %: percentage points.
    - National 2025: 5.30 + 43.62 + 51.08 = 100.00 against growth of 8.02 %: shares of the increase (%); with product taxes growing like value added, in points 0.39 + 3.21 + 3.75.
    """
    lang = check_lang(lang)
    conventions = {"points": "dc_points", "share_of_growth": "dc_share_of_growth", "ambiguous": "dc_ambiguous", "neither": "dc_neither"}
    lines = []
    for year, c in convention_examples().items():
        parts = " + ".join(num(float(x), 2, lang) for x in c.printed)
        total = num(float(c.printed.sum()), 2, lang)
        line = phrase(lang, f"- Cả nước {year}: {parts} = {total}, tăng trưởng {num(c.total_growth, 2, lang)} %: ",
                      f"- National {year}: {parts} = {total} against growth of {num(c.total_growth, 2, lang)} %: ")
        line += label(conventions[c.convention], lang)
        if c.convention == "share_of_growth" and not c.points.isna().any():
            pts = " + ".join(num(float(x), 2, lang) for x in c.points)
            line += phrase(lang, f"; nếu thuế sản phẩm tăng như GTTT, tính ra điểm phần trăm là {pts}",
                           f"; with product taxes growing like value added, in points {pts}")
        lines.append(line + ".")
    return Prose("\n".join(lines))


# --------------------------------------------------------------------------- the bridge, contributions, needs


def bridge_story(plan: Plan, *, lang: Lang | None = None) -> Prose:
    """The value added/output bridge the plan's own part-year figures imply, with the numbers that give it.

    Examples
    --------
    >>> from grdp import load_plan
    >>> print(bridge_story(load_plan(), lang="en"))  # doctest: +ELLIPSIS
    If value added grew like output (bridge 1), the 9 months' sector output growth 2.6 / 10.5 / 8.5 / 7.9 % on the 2025 structure (industry split 0.82) would give GRDP growth of about 8.55 % — above the 8.01 % published. The ratio 8.01 / 8.55 ≈ 0.937 is the province's bridge in the 9 months ...
    """
    lang = plan.language(lang)
    absent = _absent(plan, SECTOR_KEYS, lang)
    if absent is not None:
        return absent
    done, _ = period_names(plan.months_done, lang)
    table = plan_sector_growth(plan)
    try:
        require_figures(table, list(table.index), ("done",))
    except MissingFigures as err:
        return not_applicable(err.describe("vi"), err.describe("en"), lang=lang)
    structure = merged_structure(plan.year)
    g9, G9 = sector_growth(table, "done"), float(table.loc["total", "done"])
    at_one = float(implied_growth(g9, structure.weights()))
    bridge = float(calibrated_bridge(plan))
    spread = span(calibrated_range(plan), 3, lang)
    growth = " / ".join(format_value(plan.require(k).done, style=lang) for k in PLAN_SECTORS.values())
    side = phrase(lang, "cao hơn" if at_one > G9 else "thấp hơn", "above" if at_one > G9 else "below")
    split, G, one = num(default_split(), 2, lang), format_value(plan.require(GRDP_KEY).done, style=lang), num(at_one, 2, lang)
    return Prose(phrase(
        lang,
        f"Nếu GTTT tăng như GTSX (hệ số 1), tốc độ tăng GTSX {done} của các ngành {growth} % trên cơ cấu {structure.period} "
        f"(tỷ trọng công nghiệp {split}) cho GRDP tăng khoảng {one} % — {side} {G} % đã công bố. Tỷ số {G} / {one} ≈ "
        f"{num(bridge, 3, lang)} là hệ số thực tế của tỉnh trong {done} (giả định: thuế sản phẩm tăng như GTTT, cơ cấu "
        f"{structure.period} làm quyền số, cùng một hệ số cho mọi ngành). Với mọi tỷ trọng công nghiệp chấp nhận được, hai "
        f"cách đọc cơ cấu và sai số làm tròn của các số {done}: {spread}.",
        f"If value added grew like output (bridge 1), the {done}' sector output growth {growth} % on the "
        f"{structure.period} structure (industry split {split}) would give GRDP growth of about {one} % — {side} the {G} % "
        f"published. The ratio {G} / {one} ≈ {num(bridge, 3, lang)} is the province's bridge in the {done} (assuming "
        f"product taxes grow like value added, the {structure.period} structure as weights, one bridge for every sector). "
        f"Over every admissible industry split, both readings of the structure and the rounding of the {done}' figures: {spread}.",
    ))


def display_splits() -> np.ndarray:
    """The industry splits a notebook table shows: the admissible range's ends, the default, and the midpoints between.

    >>> display_splits().tolist()
    [0.68, 0.75, 0.82, 0.87, 0.92]
    """
    lo, hi = split_range()
    d = default_split()
    return np.unique(np.round([lo, (lo + d) / 2, d, (d + hi) / 2, hi], 2))


def _split_axis(lang: Lang) -> str:
    return phrase(lang, "Tỷ trọng CN trong CN-XD", "Industry share of industry + construction")


def split_sensitivity_display(plan: Plan, *, lang: Lang | None = None) -> pd.DataFrame | NotApplicable:
    """:func:`grdp.sectors.contributions.split_sensitivity` at :func:`display_splits`, labelled, to 0,001."""
    lang = plan.language(lang)
    done, _ = period_names(plan.months_done, lang)
    columns = {"calibrated_bridge": phrase(lang, f"Hệ số theo {done}", f"Bridge from the {done}"),
               "implied_bridge_one": phrase(lang, "GRDP năm, hệ số 1 (%)", "GRDP year, bridge 1 (%)"),
               "implied_calibrated": phrase(lang, f"GRDP năm, hệ số theo {done} (%)", f"GRDP year, {done}' bridge (%)")}
    return _guarded(plan, SECTOR_KEYS, lang, lambda: format_frame(
        split_sensitivity(plan, industry_split=display_splits()).rename(columns=columns).rename_axis(_split_axis(lang)), 3, style=lang))


def contribution_cases(plan: Plan, *, lang: Lang | None = None) -> dict[str, pd.DataFrame] | NotApplicable:
    """Contributions (points) of the part done and of the year, with bridge 1 and with the part-year bridge, labelled for a chart.

    Keys are the chart's bar labels; values :func:`grdp.sectors.contributions.plan_contributions`.
    """
    lang = plan.language(lang)
    done, _ = period_names(plan.months_done, lang)

    def compute() -> dict[str, pd.DataFrame]:
        bridge = float(calibrated_bridge(plan))
        b = num(bridge, 3, lang)
        return {
            phrase(lang, f"{done} (thực hiện)\nhệ số {done}", f"{done} (actual)\n{done}' bridge"):
                plan_contributions(plan, period="done", bridge=bridge),
            phrase(lang, "Cả năm, GTTT tăng\nnhư GTSX (hệ số 1)", "Year, value added\ngrows like output (bridge 1)"):
                plan_contributions(plan),
            phrase(lang, f"Cả năm, hệ số {done}\n({b})", f"Year, {done}' bridge\n({b})"):
                plan_contributions(plan, bridge=bridge),
        }

    return _guarded(plan, SECTOR_KEYS, lang, compute)


def contributions_story(plan: Plan, *, lang: Lang | None = None) -> Prose:
    """What the sector targets add up to for the year, with bridge 1 and with the part-year bridge, against the GRDP target.

    Examples
    --------
    >>> from grdp import load_plan
    >>> contributions_story(load_plan(), lang="en")
    On the 2025 structure, industry split 0.82, product taxes growing like value added: with bridge 1 the sector targets add up to GRDP growth of 11.07 % for the year, above the target 10.0–10.5 %; with the 9 months' bridge (0.937), 10.37 %, within the target.
    """
    lang = plan.language(lang)
    cases = contribution_cases(plan, lang=lang)
    if isinstance(cases, NotApplicable):
        return cases
    try:
        _, one, cal = (float(c.loc["total", "contribution_pp"]) for c in cases.values())
    except MissingFigures as err:  # pragma: no cover - contribution_cases already guards
        return not_applicable(err.describe("vi"), err.describe("en"), lang=lang)
    done, _ = period_names(plan.months_done, lang)
    targets = plan.targets
    lo, hi = min(targets), max(targets)
    target = format_value(plan.require(GRDP_KEY).year, style=lang) + " %"

    def side(x: float) -> str:
        if x > hi:
            return phrase(lang, f"cao hơn mục tiêu {target}", f"above the target {target}")
        if x < lo:
            return phrase(lang, f"thấp hơn mục tiêu {target}", f"below the target {target}")
        return phrase(lang, "trong khoảng mục tiêu" if hi > lo else "bằng mục tiêu", "within the target" if hi > lo else "at the target")

    period = merged_structure(plan.year).period
    split, b = num(default_split(), 2, lang), num(float(calibrated_bridge(plan)), 3, lang)
    return Prose(phrase(
        lang,
        f"Trên cơ cấu {period}, tỷ trọng công nghiệp {split}, thuế sản phẩm tăng như GTTT: với hệ số 1 các mục tiêu ngành cộng "
        f"lại thành GRDP cả năm tăng {num(one, 2, lang)} %, {side(one)}; với hệ số của {done} ({b}), {num(cal, 2, lang)} %, {side(cal)}.",
        f"On the {period} structure, industry split {split}, product taxes growing like value added: with bridge 1 the sector "
        f"targets add up to GRDP growth of {num(one, 2, lang)} % for the year, {side(one)}; with the {done}' bridge ({b}), "
        f"{num(cal, 2, lang)} %, {side(cal)}.",
    ))


def contributions_display(plan: Plan, *, lang: Lang | None = None) -> pd.DataFrame | NotApplicable:
    """The year's contributions with the part-year bridge, as :func:`grdp.sectors.decomposition.contributions_table`."""
    lang = plan.language(lang)
    return _guarded(plan, SECTOR_KEYS, lang,
                    lambda: contributions_table(plan_contributions(plan, bridge=float(calibrated_bridge(plan))), lang=lang))


def contributions_figure(plan: Plan, *, lang: Lang | None = None) -> Figure | NotApplicable:
    """:func:`grdp.figures.sectors.plot_contributions` of :func:`contribution_cases`, the GRDP target as a band."""
    lang = plan.language(lang)
    cases = contribution_cases(plan, lang=lang)
    if isinstance(cases, NotApplicable):
        return cases
    targets = plan.targets
    return plot_contributions(cases, target=(min(targets), max(targets)) if targets else None, lang=lang)


def required_growth_tables(plan: Plan, *, lang: Lang | None = None) -> dict[str, pd.DataFrame] | NotApplicable:
    """:func:`grdp.sectors.contributions.required_growth_table` with bridge 1 and with the part-year bridge, by panel title."""
    lang = plan.language(lang)
    done, _ = period_names(plan.months_done, lang)
    return _guarded(plan, SECTOR_KEYS, lang, lambda: {
        phrase(lang, "Hệ số 1", "Bridge 1"): required_growth_table(plan),
        phrase(lang, f"Hệ số {done}", f"{done}' bridge"): required_growth_table(plan, bridge=float(calibrated_bridge(plan))),
    })


def required_growth_display(plan: Plan, *, lang: Lang | None = None) -> pd.DataFrame | NotApplicable:
    """:func:`required_growth_tables` side by side: each sector's target and what it needs for each end of the GRDP target."""
    lang = plan.language(lang)
    tables = required_growth_tables(plan, lang=lang)
    if isinstance(tables, NotApplicable):
        return tables

    def columns(c: str) -> str:
        if c == "target":
            return phrase(lang, "Mục tiêu", "Target")
        return phrase(lang, f"Cần cho GRDP {num(float(c), 1, lang)} %", f"Needed for GRDP {num(float(c), 1, lang)} %")

    shown = {k: format_frame(v.rename(index=lambda s: sector_label(str(s), lang), columns=columns).rename_axis(None), 1, style=lang)
             for k, v in tables.items()}
    return pd.concat(shown, axis=1)


def required_growth_figure(plan: Plan, *, lang: Lang | None = None) -> Figure | NotApplicable:
    """:func:`grdp.figures.sectors.plot_required_growth` of :func:`required_growth_tables`, one panel per bridge."""
    lang = plan.language(lang)
    tables = required_growth_tables(plan, lang=lang)
    return tables if isinstance(tables, NotApplicable) else plot_required_growth(tables, lang=lang)


def growth_grid_display(plan: Plan, period: Period = "year", *, lang: Lang | None = None) -> pd.DataFrame | NotApplicable:
    """:func:`grdp.sectors.contributions.implied_growth_grid` (default splits and bridges) for one period, to 0,01."""
    lang = plan.language(lang)
    return _guarded(plan, SECTOR_KEYS, lang, lambda: format_frame(
        implied_growth_grid(plan, period=period).rename_axis(
            index=phrase(lang, "Tỷ trọng CN", "Industry split"), columns=phrase(lang, "Hệ số GTTT/GTSX", "Bridge")), 2, style=lang))


# --------------------------------------------------------------------------- the share target, the audit's verdicts


def share_story(plan: Plan, *, lang: Lang | None = None) -> Prose:
    """The printed share path, how the target compares with the published structure, and the national seasonal gaps.

    Examples
    --------
    >>> from grdp import load_plan
    >>> share_story(load_plan(), lang="en")
    The plan: 81.2 % after the 9 months, 83.0 % for the year. 83.0 = 55.8 + 27.2 is exactly the published 2025 structure (current prices). Nationally the annual share minus the 9-month share was -0.66 to -0.51 points in 2016–2019.
    """
    lang = plan.language(lang)
    absent = _absent(plan, (SHARE_KEY,), lang)
    if absent is not None:
        return absent
    done, _ = period_names(plan.months_done, lang)
    row = plan.require(SHARE_KEY)
    text = phrase(lang, f"Kế hoạch: {_printed(plan, SHARE_KEY, 'done', lang)} sau {done}, {_printed(plan, SHARE_KEY, 'year', lang)} cả năm.",
                  f"The plan: {_printed(plan, SHARE_KEY, 'done', lang)} after the {done}, {_printed(plan, SHARE_KEY, 'year', lang)} for the year.")
    s = merged_structure(plan.year)
    parts = " + ".join(num(float(s.shares[k]), 1, lang) for k in s.shares.index if k not in {"agriculture", "taxes"})
    published = s.group_share()
    if not row.year.is_missing:
        target = row.middle("year")
        same = abs(published - target) <= row.year.half_width + 1e-9
        p = num(published, 1, lang)
        text += " " + (phrase(lang, f"{p} = {parts} đúng bằng cơ cấu công bố năm {s.period} (giá hiện hành).",
                              f"{p} = {parts} is exactly the published {s.period} structure (current prices).") if same else
                       phrase(lang, f"Cơ cấu công bố năm {s.period} (giá hiện hành): {parts} = {p} %.",
                              f"The published {s.period} structure (current prices): {parts} = {p} %."))
    gaps = national_seasonal_gaps()
    years = f"{gaps.index.min()}–{gaps.index.max()}"
    g = span((float(gaps.min()), float(gaps.max())), 2, lang)
    text += phrase(lang, f" Cả nước {years}: tỷ trọng cả năm trừ tỷ trọng 9 tháng là {g} điểm phần trăm.",
                   f" Nationally the annual share minus the 9-month share was {g} points in {years}.")
    return Prose(text)


def share_grid_display(plan: Plan, *, lang: Lang | None = None) -> pd.DataFrame | NotApplicable:
    """:func:`grdp.sectors.share.share_grid` (no seasonal gap; default splits and bridges), to 0,01."""
    lang = plan.language(lang)
    return _guarded(plan, (*SECTOR_KEYS, SHARE_KEY), lang, lambda: format_frame(share_grid(plan).rename_axis(
        index=phrase(lang, "Tỷ trọng CN", "Industry split"),
        columns=phrase(lang, "Hệ số (chênh lệch mùa vụ 0)", "Bridge (seasonal gap 0)")), 2, style=lang))


def sector_verdicts(audit: PlanAudit, *, lang: Lang | None = None) -> pd.DataFrame | Prose:
    """The audit's two sector findings (sector targets vs GRDP, the share from sector growth) as table rows."""
    lang = check_lang(lang or audit.lang)
    keep = [i for i, f in enumerate(audit.items) if f.check in _SECTOR_CHECKS]
    if not keep:
        return Prose(phrase(lang, "Kiểm tra kế hoạch không có kết luận theo ngành (thiếu dòng GRDP hoặc dòng tỷ trọng).",
                            "The audit has no sector finding (no GRDP row or no share row)."))
    return audit.table(lang=lang).iloc[keep].reset_index(drop=True)
