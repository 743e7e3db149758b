"""Vietnamese and English labels for everything grdp shows a person.

Code and identifiers are English; what lands in a report is Vietnamese by
default and English on request (``lang="en"``). Every table header, verdict and
kind passes through :func:`label`, so a missing translation fails loudly in the
tests rather than silently in a report.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["Lang", "LABELS", "label", "check_lang", "relabel"]

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
