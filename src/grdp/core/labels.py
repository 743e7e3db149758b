"""Vietnamese and English labels for everything grdp shows a person.

Code and identifiers are English; what lands in a report is Vietnamese by
default and English on request (``lang="en"``). Every table header, verdict and
kind passes through :func:`label`, so a missing translation fails loudly in the
tests rather than silently in a report.
"""

from __future__ import annotations

from grdp.core.typing import Lang
from grdp.core.validation import check_lang

__all__ = ["LABELS", "UNITS_EN", "label", "unit_label", "relabel"]

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
    # sector decomposition (grdp.sectors)
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
    # forecasts (grdp.forecast)
    "fc_nine_months": ("Cả năm = 9 tháng", "Annual = 9 months"),
    "fc_panel_nine_months": ("Cả năm = 9 tháng", "Annual = 9 months"),
    "fc_panel_panel_gap": ("9 tháng + chênh lệch bình quân các tỉnh", "9 months + the provinces' mean gap"),
    "fc_panel_national_gap": ("9 tháng + chênh lệch dự báo của cả nước", "9 months + the national gap forecast"),
    "fc_panel_panel_regression": ("9 tháng + chênh lệch các tỉnh theo chênh lệch cả nước (hồi quy)",
                                  "9 months + the provinces' gap on the national gap (regression)"),
    "fc_mean_gap": ("9 tháng + chênh lệch bình quân", "9 months + mean gap"),
    "fc_q4_equals_q3": ("Quý IV = quý III", "Q4 = Q3"),
    "fc_sarimax": ("SARIMAX trên tốc độ tăng, có yếu tố quý", "SARIMAX on growth with quarter means"),
    "fc_sarimax_nq": ("SARIMAX trên tốc độ tăng, không yếu tố quý", "SARIMAX on growth, no quarter means"),
    "fc_uc": ("Thành phần ẩn trên tốc độ tăng", "Unobserved components on growth"),
    "fc_airline": ("SARIMA (airline) trên log mức", "Airline SARIMA on log levels"),
    "fc_ets": ("ETS trên log mức", "ETS on log levels"),
    "fc_baseline": ("Quy tắc đơn giản", "Baseline"),
    "fc_model": ("Mô hình thống kê", "Statistical model"),
    "fc_kind": ("Loại", "Kind"),
    "fc_method": ("Phương pháp", "Method"),
    "fc_years": ("Số năm", "Years"),
    "fc_mae": ("Sai số tuyệt đối bình quân (điểm phần trăm)", "MAE (points)"),
    "fc_bias": ("Sai lệch bình quân (điểm phần trăm)", "Bias (points)"),
    "fc_rmse": ("Căn sai số bình phương bình quân (điểm phần trăm)", "RMSE (points)"),
    "fc_coverage_80": ("Tỷ lệ năm nằm trong khoảng 80 %", "80 % coverage"),
    "fc_coverage_95": ("Tỷ lệ năm nằm trong khoảng 95 %", "95 % coverage"),
    "fc_mae_ratio": ("MAE so với 'cả năm = 9 tháng'", "MAE vs 'annual = 9 months'"),
    "fc_item": ("Nội dung", "Item"),
    "fc_value": ("Giá trị", "Value"),
    "fc_point": ("Dự báo tăng trưởng cả năm", "Annual growth forecast"),
    "fc_interval": ("Khoảng dự báo {p} %", "{p} % prediction interval"),
    "fc_q4_implied": ("Tăng trưởng quý IV ngụ ý", "Implied Q4 growth"),
    "fc_prob": ("Xác suất cả năm ≥ {x} %", "P(annual ≥ {x} %)"),
    "fc_required_q4": ("Quý IV cần đạt để cả năm đạt {x} %", "Q4 needed for {x} % in the year"),
    "fc_q4_weight": ("Trọng số quý IV", "Q4 weight"),
    "fc_published": ("Số cả năm công bố lần đầu", "First published annual figure"),
    "fc_axis_growth": ("Tăng trưởng so với cùng kỳ (%)", "Growth on a year earlier (%)"),
    "fc_axis_mae": ("Sai số tuyệt đối bình quân\n(điểm phần trăm)", "Mean absolute error\n(percentage points)"),
    "fc_axis_excess": ("Quý IV trừ 9 tháng (điểm phần trăm)", "Q4 minus 9 months (percentage points)"),
    "fc_period_9m": ("9 tháng", "9 months"),
    "fc_period_year": ("Cả năm", "Year"),
    "fc_band": ("Khoảng {p} %", "{p} % band"),
    "fc_target_band": ("Mục tiêu cả năm", "Annual target"),
    "fc_bar_note": ("Cột: sai số tuyệt đối bình quân; số trên cột: tỷ lệ năm nằm trong khoảng 80 %",
                    "Bars: mean absolute error; above: share of years inside the 80 % interval"),
    "fc_fig_prob": ("Xác suất cả năm ≥ {x} %: {p}", "Probability annual ≥ {x} %: {p}"),
    "fc_national_excess": ("Cả nước: quý IV trừ 9 tháng", "National: Q4 minus 9 months"),
    "fc_province_excess": ("Tỉnh: quý IV ngụ ý trừ 9 tháng (trọng số {w})", "Province: implied Q4 minus 9 months (weight {w})"),
    "fc_plan_needs": ("Kế hoạch cần quý IV {q} %", "Plan needs Q4 at {q} %"),
    "fc_prov_hungyen_old": ("Hưng Yên (cũ)", "Hưng Yên (old)"),
    "fc_prov_thaibinh": ("Thái Bình", "Thái Bình"),
    "fc_year": ("Năm", "Year"),
    "fc_period_h1": ("6 tháng", "First half"),
    "fc_province": ("Tỉnh", "Province"),
    "fc_split": ("Kỳ đã có số", "Part of the year known"),
    "fc_done": ("Tăng trưởng kỳ đã có (%)", "Growth of the part known (%)"),
    "fc_annual": ("Cả năm (%)", "Year (%)"),
    "fc_national_done": ("Cả nước, kỳ đã có (%)", "National, part known (%)"),
    "fc_national_annual": ("Cả nước, cả năm (%)", "National, year (%)"),
    "fc_deviation": ("Độ lệch so với mẫu hình cả nước (điểm phần trăm)", "Deviation from the national pattern (points)"),
    "fc_required_q4_col": ("Quý IV kế hoạch cần (%)", "Q4 the plan needs (%)"),
    "fc_required_excess": ("Cao hơn 9 tháng (điểm phần trăm)", "Above the 9 months (points)"),
    "fc_years_at_or_above": ("Số năm cả nước đạt mức này", "National years at or above"),
    "fc_largest_excess": ("Mức cao nhất đã có (điểm phần trăm, năm)", "Largest seen (points, year)"),
    # sensitivity, scenarios, Monte Carlo (grdp.sensitivity)
    "se_input": ("Đầu vào", "Input"),
    "se_value": ("Giá trị", "Value"),
    "se_derivative": ("Đạo hàm riêng", "Partial derivative"),
    "se_formula": ("Công thức", "Formula"),
    "se_step": ("Bước thay đổi", "Step"),
    "se_effect_linear": ("Tác động (tuyến tính, điểm phần trăm)", "Effect (linear, points)"),
    "se_effect_exact": ("Tác động (chính xác, điểm phần trăm)", "Effect (exact, points)"),
    "se_target": ("Mục tiêu năm (%)", "Annual target (%)"),
    "se_weight": ("Tỷ trọng quý IV năm trước", "Previous-year Q4 weight"),
    "se_revision": ("Điều chỉnh số 9 tháng (điểm phần trăm)", "Revision of the 9-month figure (points)"),
    "se_required_before": ("Quý IV cần đạt, trước (%)", "Q4 needed, before (%)"),
    "se_required_after": ("Quý IV cần đạt, sau (%)", "Q4 needed, after (%)"),
    "se_change": ("Thay đổi (điểm phần trăm)", "Change (points)"),
    "sc_scenario": ("Kịch bản", "Scenario"),
    "sc_sector": ("Ngành", "Sector"),
    "sc_q4_growth": ("Tăng trưởng quý IV (%)", "Q4 growth (%)"),
    "sc_annual_growth": ("Tăng trưởng cả năm (%)", "Annual growth (%)"),
    "sc_grdp_growth": ("Tăng trưởng GRDP cả năm (%)", "Annual GRDP growth (%)"),
    "sc_pace": ("Giữ tốc độ 9 tháng", "9-month pace"),
    "sc_low": ("Thấp", "Low"),
    "sc_base": ("Cơ sở", "Base"),
    "sc_high": ("Cao", "High"),
    "sc_range": ("Khoảng thay đổi quý IV (%)", "Q4 range (%)"),
    "sc_swing": ("Biên độ GRDP (điểm phần trăm)", "GRDP swing (points)"),
    "sc_outcome": ("Kết quả so với mục tiêu", "Against the target"),
    "sc_reached": ("Đạt", "Reached"),
    "sc_missed": ("Không đạt", "Missed"),
    "sc_partly": ("Đạt mức thấp của mục tiêu", "Low end of the target reached"),
    "sc_not_modelled": ("Ngoài mô hình kịch bản", "Outside the scenario model"),
    "sc_audit_verdict": ("Kết luận kiểm tra kế hoạch", "Plan audit verdict"),
    "sc_value": ("Giá trị theo kịch bản", "Scenario value"),
    "sc_plan_target": ("Mục tiêu năm", "Annual target"),
    "sc_gap": ("Chênh lệch so với mục tiêu (điểm phần trăm)", "Gap to the target (points)"),
    "mc_draws": ("Số lần mô phỏng", "Draws"),
    "mc_probability": ("Tỷ lệ lượt mô phỏng đạt ngưỡng", "Share of draws at or above"),
    "mc_std_error": ("Sai số chuẩn", "Standard error"),
    "mc_threshold": ("Ngưỡng (%)", "Threshold (%)"),
    "mc_quantile": ("Phân vị", "Quantile"),
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
