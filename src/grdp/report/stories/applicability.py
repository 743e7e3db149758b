""""Not applicable" is a result: what a notebook shows when the plan lacks what an analysis needs.

A notebook runs on any plan. When a plan has no complete GRDP row, lacks the
sector rows, or splits the year otherwise than an analysis needs, that analysis
cannot run, and the notebook must say so rather than stop on a traceback (as
``linearmodels`` returns an invalid-statistic object carrying the reason).

:func:`applicable` runs an analysis and, when the plan lacks what it needs,
returns a :class:`NotApplicable` — a :class:`~grdp.core.wording.Prose` giving
the reason — instead of raising. A :class:`NotApplicable` handed to the next
analysis comes back unchanged, and any public attribute, call or index of it
gives itself, so every cell that depends on a missing analysis shows the
reason instead of failing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from grdp.core.typing import Lang
from grdp.core.wording import Prose, phrase
from grdp.io.plan import MissingFigures

__all__ = ["NotApplicable", "applicable", "not_applicable"]

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True, repr=False)
class NotApplicable(Prose):
    """Why an analysis does not apply to the plan at hand; shown where its result would be.

    A null object: a public attribute, a call or an index of it give itself,
    iterating over it gives nothing. Names starting with ``_`` are not
    answered, so IPython's display protocol sees an ordinary :class:`Prose`.

    Examples
    --------
    >>> na = NotApplicable("Không áp dụng: kế hoạch không có dòng GRDP.")
    >>> na.position_table().round(2)
    Không áp dụng: kế hoạch không có dòng GRDP.
    >>> list(na), isinstance(na, Prose)
    ([], True)
    """

    def __getattr__(self, name: str) -> NotApplicable:
        if name.startswith("_"):
            raise AttributeError(name)
        return self

    def __call__(self, *args: object, **kwargs: object) -> NotApplicable:
        return self

    def __getitem__(self, key: object) -> NotApplicable:
        return self

    def __iter__(self) -> Iterator[Any]:
        return iter(())


def not_applicable(reason_vi: str, reason_en: str, *, lang: Lang = "vi") -> NotApplicable:
    """A :class:`NotApplicable` in the notebook's language: ``Không áp dụng cho kế hoạch này: …``.

    >>> not_applicable("không có dòng GRDP", "no GRDP row", lang="en")
    *Not applicable to this plan:* no GRDP row.
    """
    return NotApplicable(phrase(lang, f"*Không áp dụng cho kế hoạch này:* {reason_vi}.",
                                f"*Not applicable to this plan:* {reason_en}."))


def _found_in(value: object) -> NotApplicable | None:
    """The first :class:`NotApplicable` in an argument (or among the items of a list, tuple or mapping)."""
    if isinstance(value, NotApplicable):
        return value
    items: list[object] = []
    if isinstance(value, (list, tuple)):
        items = list(value)
    elif isinstance(value, Mapping):
        items = list(value.values())
    return next((v for v in items if isinstance(v, NotApplicable)), None)


def _lang_of(args: tuple[object, ...], kwargs: Mapping[str, object]) -> Lang:
    """The language asked for: the ``lang`` keyword, else the first argument's ``lang`` (a plan, a result)."""
    for candidate in (kwargs.get("lang"), *(getattr(a, "lang", None) for a in args)):
        if isinstance(candidate, str) and candidate in ("vi", "en"):
            return "en" if candidate == "en" else "vi"
    return "vi"


def applicable(analysis: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R | NotApplicable:
    """``analysis(*args, **kwargs)``, or why it does not apply to the plan.

    Returns the first :class:`NotApplicable` among the arguments, uncalled (an
    analysis of a missing result is missing too); the analysis's result; or,
    when the analysis finds the plan lacking — it raises
    :class:`~grdp.io.plan.MissingFigures` (a row or figure is absent) or
    ``ValueError`` (the plan's split or rows do not fit the analysis) — a
    :class:`NotApplicable` with the reason, in the language of the ``lang``
    keyword or of the first argument that has one. Other errors propagate.

    Examples
    --------
    >>> from grdp.io.plan import load_plan
    >>> from grdp.forecast.outlook import plan_outlook
    >>> plan = load_plan()
    >>> plan_without_grdp = type(plan)(rows=tuple(r for r in plan if r.key != "grdp_growth"),
    ...                                year=plan.year, months_done=9, source="demo", sha256="")
    >>> applicable(plan_outlook, plan_without_grdp, lang="en")
    *Not applicable to this plan:* no row for grdp_growth.
    >>> applicable(round, applicable(plan_outlook, plan_without_grdp), 2)
    *Không áp dụng cho kế hoạch này:* không có dòng grdp_growth.
    """
    for value in (*args, *kwargs.values()):
        found = _found_in(value)
        if found is not None:
            return found
    lang = _lang_of(args, kwargs)
    try:
        return analysis(*args, **kwargs)
    except MissingFigures as err:
        return not_applicable(err.describe("vi"), err.describe("en"), lang=lang)
    except ValueError as err:
        return not_applicable(str(err), str(err), lang=lang)
