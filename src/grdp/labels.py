"""Vietnamese and English labels for everything grdp shows a person.

Code and identifiers are English; what lands in a report is Vietnamese by
default and English on request (``lang="en"``). Every table header, verdict and
kind passes through :func:`label`, so a missing translation fails loudly in the
tests rather than silently in a report.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["Lang", "LABELS", "UNITS_EN", "label", "unit_label", "check_lang", "relabel"]

Lang = Literal["vi", "en"]

LABELS: dict[str, tuple[str, str]] = {
    # plan columns
    "stt": ("STT", "No."),
    "section": ("Mục", "Section"),
    "section_name": ("Nhóm chỉ tiêu", "Section name"),
    "group": ("Thuộc chỉ tiêu", "Group"),
    "name": ("Chỉ tiêu", "Indicator"),
    "name_en": ("Tên tiếng Anh", "Indicator (English)"),
    "key": ("Mã", "Key"),
    "unit": ("ĐVT", "Unit"),
    "kind": ("Loại chỉ tiêu", "Kind"),
    "lead_unit": ("Đơn vị chủ trì thực hiện", "Lead unit"),
    "monitoring_unit": ("Đơn vị theo dõi tổng hợp báo cáo", "Monitoring unit"),
    "note": ("Ghi chú", "Note"),
    # tasks
    "department": ("Đơn vị", "Department"),
    "task_no": ("STT", "No."),
    "task": ("Nhiệm vụ", "Task"),
    "deadline": ("Thời gian thực hiện/hoàn thành", "Deadline"),
    "deadline_group": ("Thời hạn", "Deadline group"),
    "tasks": ("Số nhiệm vụ", "Tasks"),
    "total": ("Tổng số", "Total"),
    # deadline groups
    "dl_month_10": ("Tháng 10", "October"),
    "dl_month_11": ("Tháng 11", "November"),
    "dl_month_12": ("Tháng 12", "December"),
    "dl_quarter": ("Trong quý IV", "During Q4"),
    "dl_recurring": ("Thường xuyên, định kỳ", "Ongoing / recurring"),
    "dl_ad_hoc": ("Đột xuất", "Ad hoc"),
    "dl_span": ("Kéo dài sang năm sau", "Runs into next year"),
    "dl_conditional": ("Khi có điều kiện", "Conditional"),
    "dl_other": ("Khác", "Other"),
    # sector decomposition (grdp.decomposition, grdp.structure, grdp.sector_targets)
    "dc_agriculture": ("Nông, lâm nghiệp và thủy sản", "Agriculture, forestry and fishery"),
    "dc_industry": ("Công nghiệp", "Industry"),
    "dc_construction": ("Xây dựng", "Construction"),
    "dc_industry_construction": ("Công nghiệp và xây dựng", "Industry and construction"),
    "dc_services": ("Dịch vụ", "Services"),
    "dc_taxes": ("Thuế sản phẩm trừ trợ cấp sản phẩm", "Product taxes less subsidies"),
    "dc_total": ("Tổng sản phẩm trên địa bàn (GRDP)", "GRDP"),
    "dc_sector": ("Khu vực kinh tế", "Sector"),
    "dc_growth_pct": ("Tốc độ tăng (%)", "Growth (%)"),
    "dc_weight": ("Tỷ trọng kỳ gốc", "Base-period weight"),
    "dc_contribution_pp": ("Đóng góp (điểm phần trăm)", "Contribution (percentage points)"),
    "dc_share_of_growth_pct": ("Tỷ lệ đóng góp vào tăng trưởng GRDP (%)", "Share of GRDP growth (%)"),
    "dc_share_of_gva_growth_pct": (
        "Đóng góp vào mức tăng tổng giá trị tăng thêm (%)",
        "Share of the increase in gross value added (%)",
    ),
    "dc_share_pct": ("Tỷ trọng trong GRDP (%)", "Share of GRDP (%)"),
    "dc_points": ("điểm phần trăm", "percentage points"),
    "dc_share_of_growth": ("tỷ lệ % đóng góp vào mức tăng", "shares of the increase (%)"),
    "dc_ambiguous": ("không phân biệt được", "ambiguous"),
    "dc_neither": ("không khớp cách nào", "neither"),
    "dc_printed": ("Số công bố", "Printed"),
    "dc_target": ("Mục tiêu", "Target"),
    "dc_required_growth_pct": ("Tốc độ tăng cần đạt (%)", "Growth needed (%)"),
    "dc_plan_target_pct": ("Mục tiêu kế hoạch (%)", "Plan target (%)"),
    "dc_bridge": ("Hệ số GTTT/GTSX", "VA/output bridge"),
    "dc_industry_split": ("Tỷ trọng công nghiệp trong CN-XD", "Industry share of industry+construction"),
    "dc_implied_grdp_pct": ("Tăng trưởng GRDP suy ra (%)", "Implied GRDP growth (%)"),
    # audit
    "au_check": ("Phép kiểm tra", "Check"),
    "au_verdict": ("Kết luận", "Verdict"),
    "au_detail": ("Chi tiết", "Detail"),
    "au_warning": ("Lưu ý", "Warning"),
    "au_office": ("Đơn vị theo dõi", "Monitoring office"),
    "au_check_period_identity": ("Đẳng thức 9 tháng – quý IV – năm", "9 months – Q4 – year identity"),
    "au_check_sum_of_periods": ("Cộng dồn 9 tháng + quý IV = năm", "9 months + Q4 = year"),
    "au_check_target_reached": ("Đã đạt mục tiêu năm?", "Annual target reached?"),
    "au_check_target_only": ("Chỉ có mục tiêu", "Target only"),
    "au_check_share_from_sectors": ("Tỷ trọng từ tăng trưởng ngành", "Share from sector growth"),
    "au_check_sectors_vs_grdp": ("Mục tiêu ngành so với GRDP", "Sector targets vs GRDP"),
    "au_check_kind_unknown": ("Chưa rõ loại chỉ tiêu", "Unknown kind"),
}


UNITS_EN: dict[str, str] = {
    "%": "%",
    "tỷ đồng": "bn VND",
    "triệu đồng": "mn VND",
    "tỷ usd": "bn USD",
    "triệu usd": "mn USD",
    "căn hộ": "apartments",
    "người": "persons",
    "triệu lượt khách": "mn visitors",
    "giường": "beds",
    "bác sỹ": "doctors",
    "bác sĩ": "doctors",
}
"""English for the units of the plan (matched case-insensitively); others stay as printed."""


def unit_label(unit: str, lang: Lang = "vi") -> str:
    """A unit as printed (Vietnamese) or in English where grdp knows it.

    >>> unit_label("Tỷ đồng", "en"), unit_label("Tỷ đồng")
    ('bn VND', 'Tỷ đồng')
    """
    if check_lang(lang) == "vi":
        return unit
    return UNITS_EN.get(unit.strip().casefold(), unit)


def check_lang(lang: str) -> Lang:
    """Validate a ``lang`` option once, with the package's one error shape."""
    if lang not in get_args(Lang):
        raise ValueError(f"lang must be one of: {', '.join(repr(x) for x in get_args(Lang))}")
    return lang  # type: ignore[return-value]


def label(key: str, lang: Lang = "vi") -> str:
    """The display label of ``key`` in ``lang``.

    >>> label("unit"), label("unit", "en")
    ('ĐVT', 'Unit')
    """
    vi, en = LABELS[key]
    return vi if check_lang(lang) == "vi" else en


def relabel(columns: list[str], lang: Lang = "vi") -> dict[str, str]:
    """A ``DataFrame.rename`` mapping for the columns that have labels."""
    return {c: label(c, lang) for c in columns if c in LABELS}
