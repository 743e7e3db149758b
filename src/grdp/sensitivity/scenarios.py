"""What-ifs on the sector model: tornado, named scenarios and their outcome for every plan indicator.

The sector model (:mod:`grdp.sectors.model`) maps Q4 output growth of the four
plan sectors to annual GRDP growth. On it:

* **tornado** (:func:`tornado`): GRDP when one sector's Q4 moves over its
  low-high range, the others at base;
* **named scenarios** (:func:`plan_scenarios`, :func:`load_scenarios`,
  :func:`run_scenarios`): sets of sector Q4 growth — by default low / base /
  high, each sector delivering a share ``k`` of the Q4 acceleration its plan
  sets over its 9-month pace (``q4 = g9M + k (plan Q4 − g9M)``, ``k`` in
  ``assumptions.csv``), or from a file written like ``data/raw/scenarios_2025.csv``,
  or given in code → sector and GRDP annual growth and an outcome for every
  plan indicator (see :class:`ScenarioReport` for why the outcome is
  attainment, not a re-run audit);
* **what-ifs** (:func:`what_if`): ``what_if(model, construction=20.0)``.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

import numpy as np
import pandas as pd

from grdp.audit.check import check_plan
from grdp.audit.findings import PlanAudit, verdict_label
from grdp.core.errors import InputError
from grdp.core.labels import label
from grdp.core.results import Result
from grdp.core.typing import Lang, Outcome
from grdp.core.validation import check_lang
from grdp.core.wording import num, period_names, phrase
from grdp.io.assumptions import assumptions
from grdp.io.plan import GRDP_KEY
from grdp.sectors.keys import sector_label
from grdp.sectors.model import SectorModel
from grdp.sectors.share import SHARE_KEY, implied_year_share
from grdp.sectors.targets import PLAN_SECTORS
from grdp.sensitivity.montecarlo import SectorRange, model_ranges

__all__ = [
    "plan_scenarios",
    "Tornado",
    "tornado",
    "load_scenarios",
    "scenario_ranges",
    "Outcome",
    "OUTCOMES",
    "ScenarioReport",
    "run_scenarios",
    "what_if",
]

SCENARIO_COLUMNS = ("scenario", "sector", "plan_stt", "q4_growth", "rule", "note")
RANGE_NAMES = ("low", "base", "high")
"""The scenarios a file must give; a ``pace`` scenario (no acceleration), when given, is the ranges' low end."""
SCENARIO_NAMES = ("pace", *RANGE_NAMES)

OUTCOMES: tuple[str, ...] = get_args(Outcome)

_TOL = 1e-9  # a figure equal to its target up to float rounding reaches it


# ---------------------------------------------------------------------------------------------
# scenarios file


def plan_scenarios(model: SectorModel) -> pd.DataFrame:
    """The pace / low / base / high scenarios of a plan, in the layout of :func:`load_scenarios`.

    Each sector delivers a share ``k`` of the Q4 acceleration its plan sets over
    its 9-month pace: ``q4 = g9M + k (plan Q4 − g9M)``, with ``k`` from
    ``assumptions.csv`` (``scenario_pace`` = 0, no acceleration / ``scenario_low``
    / ``scenario_base`` / ``scenario_high``; base: the plan's own Q4 targets). Rounded to 10⁻⁶ (the plan prints two decimals).

    >>> from grdp import load_plan
    >>> from grdp.sectors.model import sector_model
    >>> s = plan_scenarios(sector_model(load_plan()))
    >>> s.pivot(index="sector", columns="scenario", values="q4_growth").loc["construction"].to_dict()
    {'base': 29.0, 'high': 34.125, 'low': 18.75, 'pace': 8.5}
    """
    _, rest = period_names(model.months_done, "en")
    rows = []
    for name, k in assumptions().scenario_multipliers.items():
        for sector, key in PLAN_SECTORS.items():
            row = model.plan.require(key)
            g9, q4 = model.done[sector], model.q4_base[sector]
            rule = "plan Q4" if k == 1 else "g9M" if k == 0 else f"g9M + {k:g} * (plan Q4 - g9M)"
            rows.append({"scenario": name, "sector": sector, "plan_stt": row.stt, "q4_growth": round(g9 + k * (q4 - g9), 6),
                         "rule": rule, "note": f"{k:g} of the {rest} acceleration the plan sets: {g9:g} + {k:g} * ({q4:g} - {g9:g})"})
    return pd.DataFrame(rows, columns=list(SCENARIO_COLUMNS))


def load_scenarios(path: str | Path) -> pd.DataFrame:
    """Named scenarios of Q4 growth per sector, from a file (e.g. ``data/raw/scenarios_2025.csv``).

    The file has columns ``scenario, sector, plan_stt, q4_growth, rule, note``
    (decimal point); one row per scenario and sector. A methodologist adds a
    scenario by adding rows.

    Returns
    -------
    pandas.DataFrame
        The same columns, ``q4_growth`` as float, in file order.

    Raises
    ------
    InputError
        Naming file, row and column, for a missing column, an unknown sector, a
        growth that is not a number, or a sector given twice in one scenario.

    Examples
    --------
    >>> from grdp.io.paths import raw_dir
    >>> s = load_scenarios(raw_dir() / "scenarios_2025.csv")
    >>> s.pivot(index="sector", columns="scenario", values="q4_growth").loc["construction"].to_dict()
    {'base': 29.0, 'high': 34.125, 'low': 18.75}
    """
    p = Path(path)
    name = p.name
    with open(p, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        missing = [c for c in SCENARIO_COLUMNS if c not in header]
        if missing:
            raise InputError(f"the scenarios file lacks the column(s) {', '.join(missing)}", file=name, row=1)
        records = []
        seen: set[tuple[str, str]] = set()
        for i, rec in enumerate(reader, start=2):
            fields = len(header) + len(rec.get(None) or []) - sum(v is None for k, v in rec.items() if k is not None)
            if fields != len(header):
                raise InputError(f"the row has {fields} fields, the header has {len(header)} (a decimal comma "
                                 "in an unquoted number splits a row: write 18.75)", file=name, row=i)
            scen, sector, text = rec["scenario"].strip(), rec["sector"].strip(), rec["q4_growth"].strip()
            if not scen:
                raise InputError("a scenario needs a name", text=rec["scenario"], file=name, row=i, column="scenario")
            if sector not in PLAN_SECTORS:
                raise InputError(f"sector must be one of: {', '.join(repr(s) for s in PLAN_SECTORS)}",
                                 text=sector, file=name, row=i, column="sector")
            try:
                value = float(text)
            except ValueError:
                raise InputError("Q4 growth must be a number in %, with a decimal point", text=text,
                                 file=name, row=i, column="q4_growth") from None
            if not np.isfinite(value):
                raise InputError("Q4 growth must be a finite number", text=text, file=name, row=i, column="q4_growth")
            if (scen, sector) in seen:
                raise InputError(f"scenario {scen!r} gives {sector!r} twice", file=name, row=i, column="sector")
            seen.add((scen, sector))
            records.append({**{c: rec[c] for c in SCENARIO_COLUMNS}, "scenario": scen, "sector": sector, "q4_growth": value})
    return pd.DataFrame(records, columns=list(SCENARIO_COLUMNS))


def scenario_ranges(scenarios: pd.DataFrame) -> dict[str, SectorRange]:
    """Low / base / high Q4 growth per sector: from ``pace`` (or ``low``) through ``base`` to ``high``.

    The low end is the ``pace`` scenario — no acceleration, each sector at its
    9-month pace — when the scenarios give one (the plan's do), so that the
    outcomes history finds likeliest are inside the ranges; else ``low``.

    >>> from grdp import load_plan
    >>> from grdp.sectors.model import sector_model
    >>> scenario_ranges(plan_scenarios(sector_model(load_plan())))["construction"]
    SectorRange(low=8.5, base=29.0, high=34.125)
    """
    s = scenarios
    wide = s[s["scenario"].isin(SCENARIO_NAMES)].pivot(index="sector", columns="scenario", values="q4_growth")
    missing = [c for c in RANGE_NAMES if c not in wide.columns]
    if missing or wide[list(RANGE_NAMES)].isna().any().any():
        raise ValueError("the scenarios must give 'low', 'base' and 'high' Q4 growth for every sector")
    low = "pace" if "pace" in wide.columns and not wide["pace"].isna().any() else "low"
    return {sec: SectorRange(float(wide.loc[sec, low]), float(wide.loc[sec, "base"]), float(wide.loc[sec, "high"]))
            for sec in PLAN_SECTORS if sec in wide.index}


# ---------------------------------------------------------------------------------------------
# tornado


@dataclass(frozen=True)
class Tornado(Result):
    """Annual GRDP growth when one sector's Q4 growth moves over its range, the others at base.

    Attributes
    ----------
    frame : pandas.DataFrame
        One row per sector, largest swing first: ``sector``, ``q4_low``,
        ``q4_base``, ``q4_high``, ``grdp_low``, ``grdp_high``, ``swing``
        (``grdp_high − grdp_low``).
    base : float
        Annual GRDP growth with every sector at base.
    thresholds : tuple of float
        Target ends drawn on the chart.
    """

    frame: pd.DataFrame = field(repr=False, compare=False)
    base: float
    thresholds: tuple[float, ...]
    months_done: int
    lang: Lang = "vi"

    def to_frame(self) -> pd.DataFrame:
        return self.frame.copy()

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        lang = self.language(lang)
        f = self.frame
        _, rest = period_names(self.months_done, lang)
        rest = rest[0].upper() + rest[1:]
        return pd.DataFrame(
            {
                label("sc_sector", lang): [sector_label(s, lang) for s in f["sector"]],
                phrase(lang, f"{rest} thấp (%)", f"{rest} low (%)"): f["q4_low"],
                phrase(lang, f"{rest} cơ sở (%)", f"{rest} base (%)"): f["q4_base"],
                phrase(lang, f"{rest} cao (%)", f"{rest} high (%)"): f["q4_high"],
                phrase(lang, "GRDP khi thấp (%)", "GRDP at low (%)"): f["grdp_low"].round(2),
                phrase(lang, "GRDP khi cao (%)", "GRDP at high (%)"): f["grdp_high"].round(2),
                label("sc_swing", lang): f["swing"].round(2),
            }
        )

    def summary(self, *, lang: Lang | None = None) -> str:
        lang = self.language(lang)
        top = self.frame.iloc[0]
        _, rest = period_names(self.months_done, lang)
        return phrase(
            lang,
            f"GRDP cả năm {num(self.base, 2, lang)} % khi mọi ngành ở mức cơ sở. Ngành tác động lớn nhất: "
            f"{sector_label(top['sector'], 'vi').lower()} — {rest} {num(top['q4_low'], 2, lang)}–{num(top['q4_high'], 2, lang)} % "
            f"cho GRDP {num(top['grdp_low'], 2, lang)}–{num(top['grdp_high'], 2, lang)} %.",
            f"Annual GRDP {num(self.base, 2, lang)} % with every sector at base. Largest effect: "
            f"{sector_label(top['sector'], 'en').lower()} — {rest} {num(top['q4_low'], 2, lang)}–{num(top['q4_high'], 2, lang)} % "
            f"gives GRDP {num(top['grdp_low'], 2, lang)}–{num(top['grdp_high'], 2, lang)} %.",
        )


def tornado(
    model: SectorModel,
    ranges: Mapping[str, SectorRange | tuple[float, float, float]] | None = None,
    *,
    lang: Lang | None = None,
) -> Tornado:
    """Move each sector's Q4 growth from low to high, the others at their base: annual GRDP growth.

    Parameters
    ----------
    model : SectorModel
    ranges : mapping of sector → (low, base, high), optional
        Default: the plan's scenarios (:func:`plan_scenarios`). Every sector of
        the model needs a range; the others sit at the range's ``base``.

    Examples
    --------
    >>> from grdp import load_plan
    >>> from grdp.sectors.model import sector_model
    >>> t = tornado(sector_model(load_plan()))
    >>> t.frame["sector"].tolist()[0], round(t.base, 2)
    ('industry', 10.37)
    """
    lang = check_lang(lang or model.lang)
    rs = model_ranges(model, scenario_ranges(plan_scenarios(model)) if ranges is None else ranges)
    base_q4 = {s: rs[s].base for s in model.sectors}
    base = float(model.annual_growth(base_q4))
    rows = []
    for s in model.sectors:
        lo = float(model.annual_growth({**base_q4, s: rs[s].low}))
        hi = float(model.annual_growth({**base_q4, s: rs[s].high}))
        rows.append({"sector": s, "q4_low": rs[s].low, "q4_base": rs[s].base, "q4_high": rs[s].high,
                     "grdp_low": lo, "grdp_high": hi, "swing": hi - lo})
    frame = pd.DataFrame(rows).sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)
    return Tornado(frame=frame, base=base, thresholds=tuple(model.grdp_targets), months_done=model.months_done, lang=lang)


# ---------------------------------------------------------------------------------------------
# scenario outcomes


def _outcome_label(outcome: str, lang: Lang) -> str:
    return label(f"sc_{outcome}", lang)


@dataclass(frozen=True)
class ScenarioReport(Result):
    """Named scenarios → sector and GRDP annual growth, and what each implies for every plan indicator.

    A scenario replaces the plan's Q4 *targets* with expected Q4 *outcomes*, so
    re-running the plan audit on it would only report that expectation and plan
    differ. The question a scenario answers is attainment: does the year reach
    its annual target? Each indicator therefore gets an outcome:

    ``reached``
        The scenario's annual figure reaches the target (both ends of a range).
    ``partly``
        A range target whose low end is reached, its high end not.
    ``missed``
        Below the target (the low end of a range).
    ``not_modelled``
        The indicator is not a function of sector Q4 output in this model
        (retail sales, budget revenue, per-capita GRDP …); its plan-audit
        verdict is shown beside it, with the reason.

    The share of industry + construction + services (row 3) is
    :func:`grdp.sectors.share.implied_year_share` of the scenario's annual sector
    growth, with the model's 9 months, bridge and split, at a seasonal gap of 0
    (the national 2016-2019 gap, −0,66 to −0,51 point, would lower it further).

    Attributes
    ----------
    results : pandas.DataFrame
        One row per scenario: ``scenario``; ``q4_<sector>`` and
        ``annual_<sector>`` for each sector; ``grdp``.
    indicators : pandas.DataFrame
        One row per scenario × plan indicator: ``scenario``, ``stt``,
        ``indicator``, ``key``, ``target_low``, ``target_high``, ``value``,
        ``outcome``, ``gap`` (value − target low end, points), ``reason`` (why an
        indicator is not modelled), ``audit_verdict``.
    """

    results: pd.DataFrame = field(repr=False, compare=False)
    indicators: pd.DataFrame = field(repr=False, compare=False)
    sectors: tuple[str, ...]
    months_done: int
    lang: Lang = "vi"

    @property
    def names(self) -> list[str]:
        return self.results["scenario"].tolist()

    def grdp(self, scenario: str) -> float:
        """Annual GRDP growth of one scenario."""
        rows = self.results[self.results["scenario"] == scenario]
        if rows.empty:
            raise ValueError(f"scenario must be one of: {', '.join(repr(n) for n in self.names)}")
        return float(rows["grdp"].iloc[0])

    def to_frame(self) -> pd.DataFrame:
        return self.results.copy()

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """One row per scenario: Q4 growth per sector, annual GRDP, outcome against the GRDP target."""
        lang = self.language(lang)
        r = self.results
        out = pd.DataFrame({label("sc_scenario", lang): [_scenario_name(n, lang) for n in r["scenario"]]})
        for s in self.sectors:
            out[f"{sector_label(s, lang)} — {period_names(self.months_done, lang)[1]} (%)"] = r[f"q4_{s}"].round(2).to_numpy()
        for s in self.sectors:
            out[f"{sector_label(s, lang)} — {phrase(lang, 'cả năm', 'year')} (%)"] = r[f"annual_{s}"].round(2).to_numpy()
        out[label("sc_grdp_growth", lang)] = r["grdp"].round(2).to_numpy()
        g = self.indicators[self.indicators["key"] == GRDP_KEY].set_index("scenario")["outcome"]
        out[label("sc_outcome", lang)] = [_outcome_label(g.get(n, "not_modelled"), lang) for n in r["scenario"]]
        return out

    def verdicts(self, *, lang: Lang | None = None, modelled_only: bool = False) -> pd.DataFrame:
        """Every indicator's outcome, one column per scenario (``modelled_only``: drop ``not_modelled`` rows)."""
        lang = self.language(lang)
        f = self.indicators
        if modelled_only:
            f = f[f["outcome"] != "not_modelled"]
        wide = f.assign(shown=[_outcome_label(o, lang) + (f" ({num(v, 2, lang)})" if o != "not_modelled" else "")
                               for o, v in zip(f["outcome"], f["value"])])
        table = wide.pivot(index=["stt", "indicator"], columns="scenario", values="shown")
        table = table.reindex(index=pd.MultiIndex.from_frame(f[["stt", "indicator"]].drop_duplicates()), columns=self.names)
        table.columns = [_scenario_name(n, lang) for n in table.columns]
        table.index.names = [label("stt", lang), label("name", lang)]
        first = f.drop_duplicates(["stt", "indicator"]).set_index(["stt", "indicator"])
        table[label("sc_audit_verdict", lang)] = first["audit_verdict"].to_numpy()
        table[label("note", lang)] = first["reason"].to_numpy()
        return table.reset_index()

    def summary(self, *, lang: Lang | None = None) -> str:
        lang = self.language(lang)
        lines = []
        g = self.indicators[self.indicators["key"] == GRDP_KEY].set_index("scenario")
        for n in self.names:
            name, value = _scenario_name(n, lang), num(self.grdp(n), 2, lang)
            outcome = _outcome_label(g["outcome"].get(n, "not_modelled"), lang).lower()
            lines.append(phrase(lang, f"{name}: GRDP cả năm {value} % — {outcome}", f"{name}: annual GRDP {value} % — {outcome}"))
        return "\n".join(lines)


def _scenario_name(name: str, lang: Lang) -> str:
    return label(f"sc_{name}", lang) if name in SCENARIO_NAMES else name


def _outcome(value: float, low: float | None, high: float | None) -> Outcome:
    if low is None and high is None:
        return "not_modelled"
    lo = low if low is not None else high
    assert lo is not None
    if value < lo - _TOL:
        return "missed"
    if high is not None and low is not None and high > low and value < high - _TOL:
        return "partly"
    return "reached"


def _not_modelled_reason(key: str, lang: Lang) -> str:
    if key == "grdp_per_capita":
        return phrase(lang, "Cần GRDP giá hiện hành và dân số.", "Needs GRDP at current prices and the population.")
    return phrase(lang, "Không phụ thuộc tăng trưởng quý IV của các ngành trong mô hình.",
                  "Not a function of the sectors' Q4 growth in the model.")


def run_scenarios(
    model: SectorModel,
    scenarios: pd.DataFrame | Mapping[str, Mapping[str, float]] | None = None,
    *,
    audit: PlanAudit | None = None,
    lang: Lang | None = None,
) -> ScenarioReport:
    """Annual sector and GRDP growth of each named scenario, and every indicator's outcome.

    Parameters
    ----------
    model : SectorModel
        The sector model of a plan; its plan's indicators get the outcomes.
    scenarios : DataFrame or mapping, optional
        :func:`plan_scenarios` (the default) or :func:`load_scenarios`, or
        ``{name: {sector: q4_growth}}``; a sector left out sits at its plan Q4 target.
    audit : PlanAudit, optional
        Whose verdicts are shown beside the outcomes (the first finding of each
        row); default :func:`grdp.audit.check.check_plan` of the model's plan.
    lang : {"vi", "en"}

    Examples
    --------
    >>> from grdp import load_plan
    >>> from grdp.sectors.model import sector_model
    >>> r = run_scenarios(sector_model(load_plan()))
    >>> [(n, round(r.grdp(n), 2)) for n in r.names]
    [('pace', 8.01), ('low', 9.19), ('base', 10.37), ('high', 10.96)]
    """
    lang = check_lang(lang or model.lang)
    plan = model.plan
    if scenarios is None:
        scenarios = plan_scenarios(model)
    if isinstance(scenarios, pd.DataFrame):
        named: dict[str, dict[str, float]] = {}
        for rec in scenarios.itertuples():
            named.setdefault(str(rec.scenario), {})[str(rec.sector)] = float(rec.q4_growth)
    else:
        named = {str(n): {str(s): float(v) for s, v in q.items()} for n, q in scenarios.items()}
    audit = check_plan(plan, lang=lang) if audit is None else audit
    audit_by_stt: dict[str, str] = {}
    for f in audit.items:
        audit_by_stt.setdefault(f.stt, verdict_label(f.verdict, lang))
    results, indicators = [], []
    sector_of = {k: s for s, k in PLAN_SECTORS.items()}
    for name, q4 in named.items():
        q = model.complete_q4(q4)
        annual = {s: float(v) for s, v in model.sector_annual(q).items()}
        grdp = float(model.annual_growth(q))
        results.append({"scenario": name, **{f"q4_{s}": float(q[s]) for s in model.sectors},
                        **{f"annual_{s}": annual[s] for s in model.sectors}, "grdp": grdp})
        for row in plan:
            yv = row.year
            value = grdp if row.key == GRDP_KEY else annual[sector_of[row.key]] if row.key in sector_of else np.nan
            if row.key == SHARE_KEY and not row.done.is_missing:
                value = implied_year_share(plan, industry_split=model.industry_split, bridge=model.bridge,
                                           done_share=row.done.low, done_growth=model.done, year_growth=annual)
            reason = ""
            if np.isnan(value):
                outcome, gap = "not_modelled", np.nan
                reason = _not_modelled_reason(row.key, lang)
            else:
                outcome = _outcome(value, yv.low, yv.high)
                end = yv.low if yv.low is not None else yv.high
                gap = value - end if end is not None else np.nan
            indicators.append({"scenario": name, "stt": row.stt, "indicator": row.name, "key": row.key,
                               "target_low": yv.low if yv.low is not None else np.nan,
                               "target_high": yv.high if yv.high is not None else np.nan,
                               "value": value, "outcome": outcome, "gap": gap, "reason": reason,
                               "audit_verdict": audit_by_stt.get(row.stt, "")})
    return ScenarioReport(results=pd.DataFrame(results), indicators=pd.DataFrame(indicators),
                          sectors=model.sectors, months_done=model.months_done, lang=lang)


def what_if(model: SectorModel, q4: Mapping[str, float] | None = None, *, name: str | None = None,
            lang: Lang | None = None, **sectors: float) -> ScenarioReport:
    """One ad-hoc scenario beside the plan: ``what_if(model, construction=20.0)`` or ``what_if(model, {"construction": 20.0})``.

    The report holds two scenarios: ``base`` (every sector at its plan Q4 target)
    and the what-if (the named sectors changed, the others at plan).

    Examples
    --------
    >>> from grdp import load_plan
    >>> from grdp.sectors.model import sector_model
    >>> r = what_if(sector_model(load_plan()), construction=20.0)
    >>> r.names[1], round(r.grdp(r.names[1]) - r.grdp("base"), 3)
    ('Xây dựng 20 %', -0.3)
    """
    lang = check_lang(lang or model.lang)
    q4 = {**(q4 or {}), **sectors}
    if not q4:
        raise ValueError("what_if needs at least one sector's Q4 growth, e.g. construction=20.0")
    model.complete_q4(q4)  # validates the sector names
    if name is None:
        name = ", ".join(f"{sector_label(s, lang)} {num(v, 2 if v != round(v) else 0, lang)} %" for s, v in q4.items())
    return run_scenarios(model, {"base": dict(model.q4_base), name: dict(q4)}, lang=lang)
