"""Monte Carlo probability of the annual target: sector Q4 growth and the 9-month revision, drawn together.

Each draw takes

* a Q4 growth for every sector from its low / base / high range
  (:data:`DISTRIBUTIONS`: a triangular distribution between low and high with
  its mode at base, or a split normal with its median at base and low / high
  as its 5th / 95th percentiles), optionally correlated across sectors through
  a Gaussian copula with one common correlation;
* a revision ``e`` of the published 9-month figure, resampled from the national
  revisions of the 9 months by the first annual release known at the time
  (:func:`national_revisions`, from :func:`grdp.io.vintages.revisions`) or from a
  normal with their mean and standard deviation;

and maps them to annual growth through a model: :class:`IdentityModel` (GRDP
alone, ``gY = (1 − w4)(g9M + e) + w4 g4``) or the sector model of
:mod:`grdp.sectors.model` (sector Q4 → sector year → GRDP through the
decomposition). The result is the distribution of annual growth and the
probability of reaching each target end, ``p̂ = #(gY ≥ t) / n``, with its
standard error ``√(p̂(1 − p̂)/n)``.

Everything is vectorised with NumPy over the draws and seeded with
``numpy.random.default_rng(seed)``: the same seed gives the same numbers on
every run. A million draws take a few tens of milliseconds (see
``benchmarks/bench_montecarlo.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, get_args

import numpy as np
import pandas as pd

from grdp.core.labels import label
from grdp.core.periods import annual_growth
from grdp.core.results import Result
from grdp.core.typing import Distribution, Lang, RevisionHorizon, RevisionMethod
from grdp.core.validation import check_lang, check_option
from grdp.core.wording import num, phrase
from grdp.io.vintages import latest_nine_month_year, nine_month_release, revisions

__all__ = [
    "DEFAULT_SEED",
    "DEFAULT_DRAWS",
    "DISTRIBUTIONS",
    "REVISION_METHODS",
    "SectorRange",
    "model_ranges",
    "AnnualModel",
    "IdentityModel",
    "draw_q4",
    "draw_revisions",
    "national_revisions",
    "MonteCarloResult",
    "monte_carlo",
    "compare_assumptions",
    "probability_std_error",
]

DEFAULT_SEED = 20251001
"""Seed of every default run (the day the Q4 plan starts); change it to check stability."""
DEFAULT_DRAWS = 1_000_000

DISTRIBUTIONS: tuple[str, ...] = get_args(Distribution)
REVISION_METHODS: tuple[str, ...] = get_args(RevisionMethod)

_Z95 = 1.6448536269514722  # standard normal 95th percentile: low / high of a split normal


@dataclass(frozen=True)
class SectorRange:
    """Low / base / high Q4 growth of one sector, %."""

    low: float
    base: float
    high: float

    def __post_init__(self) -> None:
        if not self.low <= self.base <= self.high:
            raise ValueError(f"a sector range needs low <= base <= high; got {self.low}, {self.base}, {self.high}")

    @classmethod
    def of(cls, value: SectorRange | Sequence[float]) -> SectorRange:
        if isinstance(value, SectorRange):
            return value
        low, base, high = (float(v) for v in value)
        return cls(low, base, high)


class AnnualModel(Protocol):
    """Maps Q4 growth by sector (arrays of draws) and a 9-month revision to annual growth.

    ``sectors`` names the keys :meth:`annual_growth` reads; ``revision_weight``
    is ``1 − w4``, what one point of 9-month revision adds to the year.
    """

    @property
    def sectors(self) -> tuple[str, ...]: ...

    @property
    def revision_weight(self) -> float: ...

    def annual_growth(self, q4: Mapping[str, np.ndarray], *, revision: np.ndarray | float = 0.0) -> np.ndarray: ...


def model_ranges(model: AnnualModel, ranges: Mapping[str, SectorRange | Sequence[float]]) -> dict[str, SectorRange]:
    """The range of every sector the model reads, as :class:`SectorRange`; ``ValueError`` naming any missing.

    >>> model_ranges(IdentityModel(done=8.01, rest_weight=0.32), {"total": (12.0, 15.0, 17.0), "other": (0, 1, 2)})
    {'total': SectorRange(low=12.0, base=15.0, high=17.0)}
    """
    missing = [s for s in model.sectors if s not in ranges]
    if missing:
        raise ValueError(f"ranges must give every sector of the model; missing {missing!r}")
    return {s: SectorRange.of(ranges[s]) for s in model.sectors}


@dataclass(frozen=True)
class IdentityModel:
    """Annual growth from the 9-month figure and Q4 growth of the aggregate alone.

    ``gY = (1 − w4)(g9M + e) + w4 g4`` (:func:`grdp.core.periods.annual_growth`), the
    Q4 growth under the key ``"total"``.

    Examples
    --------
    >>> m = IdentityModel(done=8.01, rest_weight=0.32)
    >>> round(float(m.annual_growth({"total": np.array([14.2])}, revision=-0.1)[0]), 4)
    9.9228
    """

    done: float
    rest_weight: float
    sectors: tuple[str, ...] = ("total",)

    @property
    def revision_weight(self) -> float:
        return 1 - self.rest_weight

    def annual_growth(self, q4: Mapping[str, np.ndarray], *, revision: np.ndarray | float = 0.0) -> np.ndarray:
        return annual_growth(self.done + np.asarray(revision), np.asarray(q4["total"]), rest_weight=self.rest_weight)


# ---------------------------------------------------------------------------------------------
# draws


def _triangular_ppf(u: np.ndarray, r: SectorRange) -> np.ndarray:
    """Inverse CDF of the triangular distribution (low, mode=base, high), one square root per draw."""
    a, c, b = r.low, r.base, r.high
    if b == a:
        return np.full_like(u, a)
    left = u < (c - a) / (b - a)
    t = np.where(left, u * ((b - a) * (c - a)), (1 - u) * ((b - a) * (b - c)))
    np.sqrt(t, out=t)
    return np.where(left, a + t, b - t)


def draw_q4(
    ranges: Mapping[str, SectorRange | Sequence[float]],
    n: int,
    rng: np.random.Generator,
    *,
    distribution: Distribution = "triangular",
    correlation: float = 0.0,
) -> dict[str, np.ndarray]:
    """``n`` draws of Q4 growth for every sector, as arrays keyed like ``ranges``.

    Parameters
    ----------
    ranges : mapping of sector → SectorRange or (low, base, high)
    n : int
    rng : numpy.random.Generator
    distribution : {"triangular", "split_normal"}
        ``triangular``: between low and high, mode at base (mean
        ``(low + base + high)/3``). ``split_normal``: median base, low and high
        the 5th and 95th percentiles (standard deviations
        ``(base − low)/1,645`` and ``(high − base)/1,645`` on each side).
    correlation : float
        Common correlation of the sectors' standard normal scores (Gaussian
        copula), in (−1/(k−1), 1). 0: independent sectors.

    Notes
    -----
    Independent triangular sectors: ``Generator.triangular`` for each sector in
    the order of ``ranges`` (inversion of the CDF, in C). Otherwise one standard
    normal matrix ``Z`` (k × n, a row per sector), correlated as ``L Z`` with
    ``L`` the Cholesky factor of the equicorrelation matrix, then mapped to each
    sector's distribution by its inverse CDF (through ``Φ`` for the triangular).

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> d = draw_q4({"construction": (8.5, 29.0, 31.0)}, 200_000, rng)
    >>> round(float(d["construction"].mean()), 1)  # (8,5 + 29 + 31)/3 = 22,83
    22.8
    """
    check_option("distribution", distribution, DISTRIBUTIONS)
    keys = list(ranges)
    rs = [SectorRange.of(ranges[k]) for k in keys]
    k = len(keys)
    if k == 0:
        raise ValueError("ranges must name at least one sector")
    rho = float(correlation)
    if k > 1 and not -1 / (k - 1) < rho < 1:
        raise ValueError(f"correlation must be in (-1/(k-1), 1) = ({-1 / (k - 1):.3f}, 1) for {k} sectors")
    correlated = k > 1 and rho != 0.0
    out: dict[str, np.ndarray] = {}
    if distribution == "triangular" and not correlated:
        for key, r in zip(keys, rs):  # independent sectors: NumPy's own triangular sampler (inversion, in C)
            out[key] = rng.triangular(r.low, r.base, r.high, n) if r.high > r.low else np.full(n, r.low)
        return out
    z = rng.standard_normal((k, n))  # one row per sector: contiguous in memory
    if correlated:
        cov = np.full((k, k), rho)
        np.fill_diagonal(cov, 1.0)
        z = np.linalg.cholesky(cov) @ z
    if distribution == "triangular":
        from scipy.special import ndtr  # Φ: normal scores → uniforms

        u = ndtr(z)
        for j, (key, r) in enumerate(zip(keys, rs)):
            out[key] = _triangular_ppf(u[j], r)
        return out
    for j, (key, r) in enumerate(zip(keys, rs)):
        zj = z[j]
        out[key] = r.base + np.where(zj < 0, (r.base - r.low) / _Z95, (r.high - r.base) / _Z95) * zj
    return out


def national_revisions(*, horizon: RevisionHorizon = "annual_release", published_by: str | None = None) -> np.ndarray:
    """The national 9-month growth revisions (later − first release, points), oldest year first.

    From :func:`grdp.io.vintages.revisions`, the single definition of a revision in
    grdp. The default horizon, ``"annual_release"``, is what matters for a target
    judged on the first annual figure: how far that release moved the 9 months.
    ``published_by`` (default: the latest 9-month release on file) keeps out the
    revisions not yet known at the time of the 9-month figure being simulated —
    for 2025: 13 years 2011-2024, mean +0,089, sd 0,075 points.
    """
    if published_by is None:
        published_by = nine_month_release(latest_nine_month_year())
    return revisions("9M", horizon=horizon, published_by=published_by)["revision"].to_numpy(dtype="float64")


def draw_revisions(
    errors: Sequence[float] | np.ndarray,
    n: int,
    rng: np.random.Generator,
    *,
    method: RevisionMethod = "bootstrap",
    scale: float = 1.0,
) -> np.ndarray:
    """``n`` draws of the 9-month figure's revision, points.

    Parameters
    ----------
    errors : array
        Observed revisions (later − first release).
    method : {"bootstrap", "normal", "none"}
        Resample ``errors`` with replacement; draw from a normal with their mean
        and standard deviation (ddof 1); or no revision (zeros).
    scale : float
        Multiplies every draw (e.g. 2: provincial revisions assumed twice as large
        as national ones).

    Examples
    --------
    >>> r = draw_revisions([-0.1, 0.0, 0.2], 6, np.random.default_rng(0))
    >>> bool(np.isin(r, [-0.1, 0.0, 0.2]).all())
    True
    """
    check_option("method", method, REVISION_METHODS)
    if method == "none":
        return np.zeros(n)
    e = np.asarray(errors, dtype="float64")
    if e.size == 0 or not np.all(np.isfinite(e)):
        raise ValueError("errors must be a non-empty array of finite revisions")
    if method == "bootstrap":
        return float(scale) * e[rng.integers(0, e.size, n)]
    sd = float(e.std(ddof=1)) if e.size > 1 else 0.0
    return float(scale) * (float(e.mean()) + sd * rng.standard_normal(n))


def probability_std_error(p: float | np.ndarray, n: int | np.ndarray) -> float | np.ndarray:
    """Standard error of a Monte Carlo probability: ``√(p(1 − p)/n)``.

    >>> round(probability_std_error(0.5, 1_000_000), 6)
    0.0005
    """
    pa, na = np.asarray(p, dtype="float64"), np.asarray(n, dtype="float64")
    se = np.sqrt(pa * (1 - pa) / na)
    return float(se) if se.ndim == 0 else se


# ---------------------------------------------------------------------------------------------
# the result


@dataclass(frozen=True)
class MonteCarloResult(Result):
    """Draws of annual growth and what they say about the targets.

    Attributes
    ----------
    annual : numpy.ndarray
        ``n`` draws of annual growth, %.
    thresholds : tuple of float
        Target ends (10,0 and 10,5).
    seed, n : int
    distribution, revision_method : str
    correlation, revision_scale : float
    ranges : dict
        Sector → (low, base, high) used.
    revisions : numpy.ndarray
        The observed revisions resampled (empty with ``"none"``).
    """

    annual: np.ndarray = field(repr=False, compare=False)
    thresholds: tuple[float, ...]
    seed: int
    n: int
    distribution: str
    revision_method: str
    correlation: float
    revision_scale: float
    ranges: dict[str, tuple[float, float, float]] = field(repr=False, compare=False)
    revisions: np.ndarray = field(repr=False, compare=False)
    lang: Lang = "vi"

    def probability(self, threshold: float) -> float:
        """``P(annual ≥ threshold)``, estimated by the share of draws."""
        return float(np.count_nonzero(self.annual >= threshold) / self.n)

    def std_error(self, threshold: float) -> float:
        """Standard error of :meth:`probability`: ``√(p̂(1 − p̂)/n)``."""
        return float(probability_std_error(self.probability(threshold), self.n))

    def quantiles(self, qs: Sequence[float] = (0.05, 0.1, 0.5, 0.9, 0.95)) -> pd.Series:
        """Quantiles of annual growth, indexed by probability."""
        return pd.Series(np.quantile(self.annual, qs), index=pd.Index(list(qs), name="quantile"), name="annual_growth")

    def to_frame(self) -> pd.DataFrame:
        """One row per threshold: ``threshold``, ``probability``, ``std_error``, ``ci_low``, ``ci_high`` (±1,96 SE)."""
        rows = []
        for t in self.thresholds:
            p, se = self.probability(t), self.std_error(t)
            rows.append({"threshold": t, "probability": p, "std_error": se, "ci_low": p - 1.96 * se, "ci_high": p + 1.96 * se})
        return pd.DataFrame(rows)

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """:meth:`to_frame` with labelled columns (probabilities in %, rounded)."""
        lang = self.language(lang)
        f = self.to_frame()
        return pd.DataFrame(
            {
                label("mc_threshold", lang): f["threshold"],
                label("mc_probability", lang) + " (%)": (100 * f["probability"]).round(2),
                label("mc_std_error", lang) + phrase(lang, " (điểm phần trăm)", " (points)"): (100 * f["std_error"]).round(3),
                label("mc_draws", lang): self.n,
            }
        )

    def convergence(self, sizes: Sequence[int] | None = None) -> pd.DataFrame:
        """How the estimates settle as draws accumulate (prefixes of the same run).

        Returns one row per (threshold, size): ``threshold``, ``draws``,
        ``probability`` (from the first ``draws`` draws), ``std_error``
        (``√(p̂(1 − p̂)/draws)``), and ``batch_sd``: the standard deviation of
        ``p̂`` over the ``n // draws`` disjoint batches of that size (at least 10
        batches; NaN otherwise) — an empirical check of the formula.
        """
        if sizes is None:
            sizes = [s for s in (10**k for k in range(2, 10)) if s <= self.n]
        rows = []
        for t in self.thresholds:
            hit = self.annual >= t
            for size in sizes:
                s = int(size)
                if not 0 < s <= self.n:
                    raise ValueError(f"sizes must be between 1 and n = {self.n}")
                p = float(np.count_nonzero(hit[:s]) / s)
                batches = self.n // s
                batch_sd = float(hit[: batches * s].reshape(batches, s).mean(axis=1).std(ddof=1)) if batches >= 10 else np.nan
                rows.append({"threshold": t, "draws": s, "probability": p,
                             "std_error": float(probability_std_error(p, s)), "batch_sd": batch_sd})
        return pd.DataFrame(rows)

    def summary(self, *, lang: Lang | None = None) -> str:
        """Median, 90 % interval and each threshold's share of draws — conditional on the ranges, said so.

        The share of draws restates the ranges drawn from; it is never a
        forecast's probability, and the summary words it that way. The
        simulation error (``1,96 √(p̂(1 − p̂)/n)``) is given as a bound, not to
        the hundredth of a point.
        """
        lang = self.language(lang)
        q = self.quantiles((0.05, 0.5, 0.95))
        draws = num(self.n, 0, lang)
        head = phrase(
            lang,
            f"{draws} lần mô phỏng (seed {self.seed}), có điều kiện: các ngành tăng trong quý IV trong các khoảng đã cho. "
            f"Tăng trưởng cả năm trung vị {num(q.iloc[1], 2, lang)} %, khoảng 90 % {num(q.iloc[0], 2, lang)}–"
            f"{num(q.iloc[2], 2, lang)} %.",
            f"{draws} draws (seed {self.seed}), conditional on the sectors' Q4 growth lying in the ranges given. "
            f"Annual growth median {num(q.iloc[1], 2, lang)} %, 90 % interval {num(q.iloc[0], 2, lang)}–{num(q.iloc[2], 2, lang)} %.",
        )
        lines = [head]
        for row in self.to_frame().itertuples():
            bound = _error_bound(1.96 * 100 * row.std_error, lang)
            lines.append(phrase(
                lang,
                f"  Tỷ lệ lượt mô phỏng đạt ≥ {num(row.threshold, 1, lang)} %: {num(100 * row.probability, 0, lang)} % "
                f"(có điều kiện theo các khoảng; sai số mô phỏng {bound}).",
                f"  Share of draws at or above {num(row.threshold, 1, lang)} %: {num(100 * row.probability, 0, lang)} % "
                f"(conditional on the ranges; simulation error {bound}).",
            ))
        return "\n".join(lines)


def _error_bound(points: float, lang: Lang) -> str:
    """A simulation error as a reader needs it: ``dưới 0,1 điểm phần trăm`` rather than ``0,03``."""
    for b in (0.1, 0.5, 1.0):
        if points < b:
            return phrase(lang, f"dưới {num(b, 1, lang)} điểm phần trăm", f"under {num(b, 1, lang)} point{'s' if b != 1 else ''}")
    return phrase(lang, f"khoảng {num(points, 0, lang)} điểm phần trăm", f"about {num(points, 0, lang)} points")


def monte_carlo(
    model: AnnualModel,
    ranges: Mapping[str, SectorRange | Sequence[float]],
    *,
    thresholds: Sequence[float] | None = None,
    n: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    distribution: Distribution = "triangular",
    correlation: float = 0.0,
    revisions: Sequence[float] | np.ndarray | None = None,
    revision_method: RevisionMethod = "bootstrap",
    revision_scale: float = 1.0,
    lang: Lang = "vi",
) -> MonteCarloResult:
    """Simulate annual growth from sector Q4 ranges and the 9-month revision error.

    Parameters
    ----------
    model : AnnualModel
        :class:`IdentityModel` or :class:`grdp.sectors.model.SectorModel`.
    ranges : mapping of sector → (low, base, high)
        One range per sector the model reads (``model.sectors``).
    thresholds : sequence of float, optional
        Target ends whose probability is reported; default: the model's GRDP
        target ends (``model.grdp_targets``, a :class:`~grdp.sectors.model.SectorModel`'s).
    n : int
        Number of draws (default 10⁶).
    seed : int
        Seed of ``numpy.random.default_rng``.
    distribution : {"triangular", "split_normal"}
        See :func:`draw_q4`.
    correlation : float
        Common correlation between sectors (Gaussian copula; default 0).
    revisions : array, optional
        Observed revisions of the 9-month figure; default
        :func:`national_revisions` (2011-2024 for 2025: first release vs the annual release).
    revision_method : {"bootstrap", "normal", "none"}
    revision_scale : float
        Multiplies the revision draws.
    lang : {"vi", "en"}

    Returns
    -------
    MonteCarloResult

    Notes
    -----
    Draw order is fixed (the k × n sector matrix of :func:`draw_q4`, then the
    revisions), so a seed reproduces every number. A run of ``m`` draws is not
    the first ``m`` draws of a run of ``n``; :meth:`MonteCarloResult.convergence`
    therefore uses prefixes of one run.

    Examples
    --------
    GRDP alone, Q4 between 12 and 17 % (mode 15), no revision:

    >>> r = monte_carlo(IdentityModel(done=8.01, rest_weight=0.32), {"total": (12.0, 15.0, 17.0)},
    ...                 thresholds=(10.0,), n=100_000, seed=1, revision_method="none")
    >>> round(r.probability(10.0), 2)  # exact: P(g4 ≥ 14.23) = 1 − (14.23−12)²/(5·3) = 0.668
    0.67
    """
    lang = check_lang(lang)
    check_option("distribution", distribution, DISTRIBUTIONS)
    check_option("revision_method", revision_method, REVISION_METHODS)
    n = int(n)
    if n < 1:
        raise ValueError("n must be a positive number of draws")
    if thresholds is None:
        thresholds = getattr(model, "grdp_targets", ())
        if not thresholds:
            raise ValueError("give the thresholds: the model carries no GRDP target")
    rs = model_ranges(model, ranges)
    rng = np.random.default_rng(seed)
    q4 = draw_q4(rs, n, rng, distribution=distribution, correlation=correlation)
    errors = np.asarray(national_revisions() if revisions is None else revisions, dtype="float64")
    rev = draw_revisions(errors, n, rng, method=revision_method, scale=revision_scale)
    annual = np.asarray(model.annual_growth(q4, revision=rev), dtype="float64")
    return MonteCarloResult(
        annual=annual,
        thresholds=tuple(float(t) for t in thresholds),
        seed=int(seed),
        n=n,
        distribution=distribution,
        revision_method=revision_method,
        correlation=float(correlation),
        revision_scale=float(revision_scale),
        ranges={s: (r.low, r.base, r.high) for s, r in rs.items()},
        revisions=errors if revision_method != "none" else np.empty(0),
        lang=lang,
    )


def compare_assumptions(
    model: AnnualModel,
    ranges: Mapping[str, SectorRange | Sequence[float]],
    variants: Mapping[str, Mapping[str, object]],
    *,
    thresholds: Sequence[float] | None = None,
    n: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> pd.DataFrame:
    """Re-run :func:`monte_carlo` under several assumptions, same seed, and tabulate what changes.

    Parameters
    ----------
    variants : mapping of name → keyword arguments of :func:`monte_carlo`
        E.g. ``{"independent": {}, "correlation 0.5": {"correlation": 0.5}}``.

    Returns
    -------
    pandas.DataFrame
        One row per variant, in the given order: ``variant``, ``p05``, ``median``,
        ``p95`` (annual growth, %) and, per threshold ``t``, ``P(>=t)`` and ``SE(>=t)``.

    Examples
    --------
    >>> m = IdentityModel(done=8.01, rest_weight=0.32)
    >>> t = compare_assumptions(m, {"total": (12.0, 15.0, 17.0)}, {"a": {}, "b": {"revision_method": "none"}},
    ...                         thresholds=(10.0,), n=1000)
    >>> t["variant"].tolist(), list(t.columns[:4])
    (['a', 'b'], ['variant', 'p05', 'median', 'p95'])
    """
    rows = []
    for name, kwargs in variants.items():
        r = monte_carlo(model, ranges, thresholds=thresholds, n=n, seed=seed, **kwargs)  # type: ignore[arg-type]
        q = r.quantiles((0.05, 0.5, 0.95)).to_numpy()
        row: dict[str, object] = {"variant": name, "p05": q[0], "median": q[1], "p95": q[2]}
        for t in r.thresholds:
            row[f"P(>={t:g})"] = r.probability(t)
            row[f"SE(>={t:g})"] = r.std_error(t)
        rows.append(row)
    return pd.DataFrame(rows)
