"""The indicators grdp knows, and what kind of figure each one is.

The kind decides which identity an indicator obeys (see :mod:`grdp.audit`):

``growth_rate``
    % change on the same period of the previous year of a flow (GRDP, output,
    retail sales, exports, investment). Annual growth is the previous-year-weighted
    mean of the sub-period growth rates.
``level_flow``
    An amount accumulated over the year (budget revenue, new jobs, apartments
    built): done + rest = year.
``cumulative_level``
    An amount accumulated since January that can only grow, typically already
    compared with the annual target (FDI attracted).
``share``
    A share of a total at a point in time or for a period (industry +
    construction + services in GRDP).
``ratio``
    A ratio or coverage rate of a stock (beds per 10 000 people, insurance
    coverage, schools meeting a standard).
``group``
    A heading row that carries no figures (``2  Tốc độ tăng trưởng giá trị sản xuất``).
``unknown``
    Not recognised and not inferable from the unit; loaded with a warning.

Names are matched without diacritics and case, so the plan's typos
(``Nông, lâm ngiệp``) and next year's re-wordings still match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from grdp.core.numbers import normalise_text

__all__ = ["Kind", "Indicator", "KNOWN_INDICATORS", "KIND_LABELS", "identify", "fold"]

Kind = Literal["growth_rate", "level_flow", "cumulative_level", "share", "ratio", "group", "unknown"]

KIND_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "growth_rate": "Tốc độ tăng",
        "level_flow": "Quy mô trong năm",
        "cumulative_level": "Lũy kế",
        "share": "Tỷ trọng",
        "ratio": "Tỷ lệ, chỉ số bình quân",
        "group": "Nhóm chỉ tiêu",
        "unknown": "Chưa xác định",
    },
    "en": {
        "growth_rate": "growth rate",
        "level_flow": "level (flow in the year)",
        "cumulative_level": "cumulative level",
        "share": "share",
        "ratio": "ratio / stock",
        "group": "group heading",
        "unknown": "unknown",
    },
}


@dataclass(frozen=True)
class Indicator:
    """A known indicator: a stable English key, names, and its kind.

    ``pattern`` is matched against the folded printed name (no diacritics, lower
    case); ``parent`` names the group key a sub-item must sit under (sector rows
    2.1–2.4 are just "Công nghiệp", "Xây dựng" … under the output-growth group).
    A ``kind`` of ``"flow"`` means: growth rate when the unit is %, level otherwise.
    """

    key: str
    name_en: str
    pattern: str
    kind: Kind | Literal["flow"]
    parent: str | None = None

    def matches(self, folded_name: str, parent_key: str | None) -> bool:
        return self.parent == parent_key and re.search(self.pattern, folded_name) is not None


KNOWN_INDICATORS: tuple[Indicator, ...] = (
    Indicator("grdp_growth", "GRDP growth", r"tang truong.*(grdp|tong san pham)", "growth_rate"),
    Indicator("output_growth", "Gross output growth by sector", r"tang truong gia tri san xuat", "group"),
    Indicator(
        "output_growth_agriculture",
        "Gross output growth: agriculture, forestry and fishery",
        r"nong|lam|thuy san",
        "growth_rate",
        parent="output_growth",
    ),
    Indicator("output_growth_industry", "Gross output growth: industry", r"^cong nghiep", "growth_rate", parent="output_growth"),
    Indicator("output_growth_construction", "Gross output growth: construction", r"^xay dung", "growth_rate", parent="output_growth"),
    Indicator("output_growth_services", "Gross output growth: services", r"^dich vu", "growth_rate", parent="output_growth"),
    Indicator(
        "share_industry_construction_services",
        "Share of industry, construction and services in GRDP",
        r"ty trong.*cong nghiep.*dich vu",
        "share",
    ),
    Indicator("retail_sales", "Retail sales of goods and consumer services revenue", r"ban le", "flow"),
    Indicator("exports", "Exports", r"xuat khau", "flow"),
    Indicator("imports", "Imports", r"nhap khau", "flow"),
    Indicator("investment", "Total social investment", r"von dau tu", "flow"),
    Indicator("budget_revenue", "State budget revenue in the province", r"thu ngan sach", "flow"),
    Indicator("fdi", "Foreign direct investment attracted", r"dau tu truc tiep nuoc ngoai|\bfdi\b", "cumulative_level"),
    Indicator("social_housing", "Social housing apartments built", r"nha o xa hoi", "level_flow"),
    Indicator("grdp_per_capita", "GRDP per capita", r"binh quan dau nguoi", "ratio"),
    Indicator("tourists", "Tourist arrivals", r"khach du lich", "flow"),
    Indicator("hospital_beds", "Hospital beds per 10 000 people", r"giuong benh", "ratio"),
    Indicator("doctors", "Doctors per 10 000 people", r"bac si|bac sy", "ratio"),
    Indicator("health_insurance", "Population covered by health insurance", r"bao hiem y te", "ratio"),
    Indicator("new_jobs", "New jobs created", r"viec lam moi", "level_flow"),
    Indicator("schools_standard", "Public schools meeting the national standard", r"truong hoc.*chuan", "ratio"),
    Indicator("cultural_families", "Families meeting the cultural standard", r"gia dinh.*van hoa", "ratio"),
    Indicator("cultural_villages", "Villages and residential groups meeting the cultural standard", r"thon.*van hoa", "ratio"),
    Indicator(
        "industrial_parks_wastewater",
        "Operating industrial parks with standard central wastewater treatment",
        r"khu cong nghiep.*nuoc thai",
        "ratio",
    ),
    Indicator(
        "firms_environment",
        "Production and business establishments meeting environmental requirements",
        r"co so san xuat.*moi truong",
        "ratio",
    ),
)

_LEVEL_UNITS = re.compile(r"dong|usd|nguoi|can|ho\b|luot|du an|doanh nghiep|\bha\b|tan|lao dong")


def fold(text: str) -> str:
    """Lower case without diacritics (đ → d): the form names are matched in."""
    s = unicodedata.normalize("NFD", normalise_text(text).casefold().replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c))


def _kind_from_unit(kind: Kind | Literal["flow"], unit: str) -> Kind:
    if kind != "flow":
        return kind
    return "growth_rate" if normalise_text(unit) == "%" else "level_flow"


def identify(name: str, unit: str, *, parent_key: str | None = None) -> tuple[Indicator | None, Kind]:
    """Find the known indicator a printed row is, and its kind.

    Parameters
    ----------
    name : str
        The printed name (Chỉ tiêu).
    unit : str
        The printed unit (ĐVT).
    parent_key : str, optional
        Key of the group row the item sits under (for 2.1–2.4).

    Returns
    -------
    (Indicator or None, kind)
        For an unknown indicator the kind is inferred from the name and unit
        (``Tốc độ tăng …`` in % → growth rate, ``Tỷ trọng`` → share, ``Tỷ lệ`` or
        ``…/vạn dân`` → ratio, money or count units → level); ``"unknown"`` when
        nothing decides.
    """
    folded = fold(name)
    for ind in KNOWN_INDICATORS:
        if ind.matches(folded, parent_key):
            return ind, _kind_from_unit(ind.kind, unit)
    funit = fold(unit)
    if funit == "%" and ("tang truong" in folded or "toc do tang" in folded or parent_key == "output_growth"):
        return None, "growth_rate"
    if folded.startswith("ty trong"):
        return None, "share"
    if folded.startswith("ty le") or "/van dan" in folded:
        return None, "ratio"
    if funit and funit != "%" and _LEVEL_UNITS.search(funit):
        return None, "level_flow"
    return None, "unknown"
