"""The report's glossary: the technical terms its text uses, each explained in a sentence.

:func:`glossary` keeps the entries whose term (or one of its spellings) occurs in
the text it is given, so the document explains exactly the words it uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from grdp.core.typing import Lang

__all__ = ["GlossaryEntry", "GLOSSARY", "glossary"]


@dataclass(frozen=True)
class GlossaryEntry:
    """A term and its explanation in both languages; ``spellings_*`` are the forms that count as a use."""

    term_vi: str
    meaning_vi: str
    term_en: str
    meaning_en: str
    spellings_vi: tuple[str, ...] = ()
    spellings_en: tuple[str, ...] = ()

    def term(self, lang: Lang) -> str:
        return self.term_vi if lang == "vi" else self.term_en

    def meaning(self, lang: Lang) -> str:
        return self.meaning_vi if lang == "vi" else self.meaning_en

    def used_in(self, text: str, lang: Lang) -> bool:
        forms = (self.term_vi, *self.spellings_vi) if lang == "vi" else (self.term_en, *self.spellings_en)
        lowered = text.lower()
        return any(form.lower() in lowered for form in forms)


GLOSSARY: tuple[GlossaryEntry, ...] = (
    GlossaryEntry(
        "GRDP", "Tổng sản phẩm trên địa bàn tỉnh: giá trị tăng thêm của các ngành cộng thuế sản phẩm trừ trợ cấp sản phẩm; "
        "tốc độ tăng tính theo giá so sánh, so với cùng kỳ năm trước.",
        "GRDP", "Gross regional domestic product: the sectors' value added plus taxes less subsidies on products; growth is "
        "at constant prices, against the same period of the previous year."),
    GlossaryEntry(
        "GTTT", "Giá trị tăng thêm: giá trị sản xuất trừ chi phí trung gian của một ngành.",
        "value added", "A sector's output less its intermediate consumption.",
        ("giá trị tăng thêm",)),
    GlossaryEntry(
        "GTSX", "Giá trị sản xuất: tổng giá trị sản phẩm một ngành làm ra trong kỳ; kế hoạch giao mục tiêu ngành theo GTSX.",
        "output", "The total value of what a sector produces in the period; the plan sets the sector targets in output.",
        ("giá trị sản xuất",), ("gross output",)),
    GlossaryEntry(
        "hệ số GTTT/GTSX", "Tốc độ tăng GTTT chia cho tốc độ tăng GTSX; ước từ số 9 tháng của chính kế hoạch (hệ số 1: GTTT "
        "tăng như GTSX).",
        "value-added/output bridge", "Value-added growth divided by output growth; estimated from the plan's own 9 months "
        "(bridge 1: value added grows like output).",
        ("lần tốc độ tăng gtsx", "hệ số 1", "hệ số 0"), ("bridge", "times as fast as output")),
    GlossaryEntry(
        "tỷ trọng quý IV năm trước", "Phần của quý IV trong GRDP cả năm trước (giá so sánh). Tăng trưởng cả năm bằng "
        "(1 − w)·tăng trưởng 9 tháng + w·tăng trưởng quý IV, với w là tỷ trọng này.",
        "Q4 weight", "Q4's share of the previous year's GRDP (constant prices). Annual growth is (1 − w)·9-month growth + "
        "w·Q4 growth, with w this weight.",
        ("tỷ trọng quý iv", "trọng số quý iv"), ("q4's previous-year weight", "q4 weight", "weight of")),
    GlossaryEntry(
        "điểm phần trăm", "Hiệu của hai tỷ lệ phần trăm (6,5 % so với 6,4 % là cao hơn 0,1 điểm phần trăm).",
        "percentage point", "The difference of two percentages (6.5 % is 0.1 percentage point above 6.4 %).",
        ("điểm phần trăm",), ("points",)),
    GlossaryEntry(
        "khoảng dự báo 80 %", "Khoảng mà năm thực tế rơi vào 8 trong 10 lần nếu phương pháp đúng như khi kiểm định lùi.",
        "80 % interval", "The range the outcome falls in 8 times out of 10 if the method does as it did in the backtest.",
        ("khoảng 80 %",), ("80 %:",)),
    GlossaryEntry(
        "dự báo hiệu chỉnh trên các tỉnh", "Dự báo cả năm từ số 9 tháng mà sai số và xác suất được đo trên các tỉnh-năm đã "
        "công bố: xác suất đạt mục tiêu bằng tần suất các tỉnh-năm đã vượt dự báo một khoảng như vậy.",
        "forecast calibrated on the provinces", "A forecast of the year from the 9 months whose errors and probabilities are "
        "measured on published province-years: the probability of the target is how often province-years ended that far "
        "above such a forecast.",
        ("hiệu chỉnh trên các tỉnh",), ("calibrated on the provinces",)),
    GlossaryEntry(
        "tỉnh-năm", "Một tỉnh trong một năm có đủ số 9 tháng và số cả năm công bố lần đầu.",
        "province-year", "One province in one year with both its 9-month and annual figures as first published.",
        (), ("province-years",)),
    GlossaryEntry(
        "kiểm định lùi", "Đặt mình vào ngày công bố số 9 tháng của các năm trước, chỉ dùng số liệu có đến ngày đó, dự báo "
        "rồi so với số cả năm công bố sau đó.",
        "backtest", "Standing at each past year's 9-month release, using only what was published by then, forecasting and "
        "comparing with the annual figure published later."),
    GlossaryEntry(
        "MAE", "Sai số tuyệt đối bình quân: trung bình độ lệch (không kể dấu) giữa dự báo và số thực tế, tính bằng điểm phần trăm.",
        "MAE", "Mean absolute error: the average distance between forecast and outcome, in percentage points.",
        ("sai số tuyệt đối bình quân",), ("mean absolute error",)),
    GlossaryEntry(
        "SARIMAX", "Mô hình chuỗi thời gian có yếu tố mùa vụ (quý), ước trên tốc độ tăng theo quý của cả nước.",
        "SARIMAX", "A time-series model with a seasonal (quarterly) part, fitted to the nation's quarterly growth."),
    GlossaryEntry(
        "kịch bản", "Một bộ giả định tốc độ tăng quý IV của từng khu vực (giữ tốc độ 9 tháng, thấp, cơ sở, cao) và GRDP "
        "cả năm tương ứng.",
        "scenario", "A set of assumed Q4 growth rates of the sectors (9-month pace, low, base, high) and the annual GRDP "
        "they give."),
    GlossaryEntry(
        "mô phỏng", "Rút ngẫu nhiên tốc độ tăng quý IV của các khu vực trong các khoảng giả định; tỷ lệ lượt đạt mục tiêu "
        "cho biết kế hoạch cần gì, không phải xác suất đạt.",
        "simulation", "Drawing the sectors' Q4 growth at random within the assumed ranges; the share of draws reaching the "
        "target says what the plan takes, not how likely it is.",
        ("monte carlo",), ("monte carlo", "draws")),
    GlossaryEntry(
        "không hợp lý", "Các số của kế hoạch chỉ khớp nhau với một giả định nằm ngoài khoảng hợp lý (không phải sai số học).",
        "implausible", "The plan's figures agree only under an assumption outside its plausible range (not an arithmetic "
        "contradiction)."),
    GlossaryEntry(
        "làm tròn", "Số in 7,25 được hiểu là mọi giá trị từ 7,245 đến dưới 7,255; các phép kiểm tra tính cả khoảng này.",
        "rounding", "A printed 7.25 stands for any value from 7.245 to below 7.255; the checks carry that interval.",
        (), ("with rounding",)),
)
"""Every term the report may use, in the order the glossary prints them."""


def glossary(texts: Iterable[str], lang: Lang) -> list[GlossaryEntry]:
    """The entries of :data:`GLOSSARY` whose term occurs in ``texts``.

    >>> [e.term("vi") for e in glossary(["GRDP tăng 7,25 %; MAE 1,01 điểm phần trăm"], "vi")]
    ['GRDP', 'điểm phần trăm', 'MAE']
    """
    text = "\n".join(texts)
    return [entry for entry in GLOSSARY if entry.used_in(text, lang)]
