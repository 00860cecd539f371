"""What each indicator is called in a briefing, and the unit a placeholder asks for."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IndicatorInfo:
    label: str          # noun phrase used in "Cần số liệu: <label> ..."
    unit: str           # unit a placeholder asks for ("" = a count)
    is_growth: bool = False


INDICATORS: dict[str, IndicatorInfo] = {
    "iip_growth": IndicatorInfo("tốc độ tăng chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ", "%", True),
    "industrial_output_value": IndicatorInfo("giá trị sản xuất công nghiệp", "nghìn tỷ đồng"),
    "industrial_output_growth": IndicatorInfo("tốc độ tăng giá trị sản xuất công nghiệp", "%", True),
    "retail_sales": IndicatorInfo("tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "nghìn tỷ đồng"),
    "retail_growth": IndicatorInfo("tốc độ tăng tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "%", True),
    "export_value": IndicatorInfo("kim ngạch xuất khẩu", "tỷ USD"),
    "export_growth": IndicatorInfo("tốc độ tăng kim ngạch xuất khẩu", "%", True),
    "ccn_established": IndicatorInfo("số cụm công nghiệp đã có quyết định thành lập", "cụm"),
    "ccn_established_area": IndicatorInfo("diện tích các cụm công nghiệp đã thành lập", "ha"),
    "ccn_operating": IndicatorInfo("số cụm công nghiệp đang hoạt động", "cụm"),
    "ccn_operating_area": IndicatorInfo("diện tích các cụm công nghiệp đang hoạt động", "ha"),
    "ccn_planned": IndicatorInfo("số cụm công nghiệp trong quy hoạch", "cụm"),
    "ccn_occupancy": IndicatorInfo("tỷ lệ lấp đầy bình quân của các cụm công nghiệp", "%"),
    "khuyen_cong_budget": IndicatorInfo("kinh phí khuyến công", "tỷ đồng"),
    "product_output": IndicatorInfo("sản lượng", ""),
    "product_ratio": IndicatorInfo("sản lượng so với cùng kỳ", "lần"),
    "grdp": IndicatorInfo("tổng sản phẩm trên địa bàn (GRDP)", "nghìn tỷ đồng"),
    "grdp_growth": IndicatorInfo("tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)", "%", True),
    "gdp_growth": IndicatorInfo("tốc độ tăng tổng sản phẩm trong nước (GDP)", "%", True),
    "share_of_region": IndicatorInfo("tỷ trọng trong toàn khu vực", "%"),
    "industrial_output_plan_share": IndicatorInfo("tỷ lệ thực hiện kế hoạch giá trị sản xuất công nghiệp", "%"),
    "trade_growth": IndicatorInfo("tốc độ tăng kim ngạch xuất nhập khẩu", "%", True),
    "ccn_planned_area": IndicatorInfo("diện tích các cụm công nghiệp theo quy hoạch", "ha"),
    "ccn_projects": IndicatorInfo("số dự án trong các cụm công nghiệp", "dự án"),
    "ccn_workers": IndicatorInfo("số lao động trong các cụm công nghiệp", "lao động"),
    "khuyen_cong_growth": IndicatorInfo("tốc độ tăng kinh phí khuyến công", "%", True),
    "product_growth": IndicatorInfo("tốc độ tăng sản lượng", "%", True),
}

COUNT_SUBJECTS: dict[str, str] = {
    "iip_above_national": "số tỉnh, thành phố có IIP tăng cao hơn mức tăng của cả nước",
    "iip_above_10": "số tỉnh, thành phố có IIP tăng trên 10%",
    "iip_above_11": "số tỉnh, thành phố có IIP tăng trên 11%",
    "iip_positive": "số tỉnh, thành phố có IIP tăng trưởng dương",
    "export_growth_positive": "số tỉnh, thành phố có kim ngạch xuất khẩu tăng",
    "retail_growth_positive": "số tỉnh, thành phố có tổng mức bán lẻ tăng",
}

# Standard main products of the briefings (DOMAIN §3), with their usual unit.
MAIN_PRODUCTS: tuple[tuple[str, str], ...] = (
    ("xi măng", "triệu tấn"), ("bia đóng chai", "triệu lít"), ("quần áo may sẵn", "triệu cái"),
    ("giày dép", "triệu đôi"), ("gạch xây", "tỷ viên"), ("điện sản xuất", "tỷ kWh"),
)


def label_of(indicator: str, subject: str | None = None) -> str:
    """Return the Vietnamese noun phrase for an indicator (or a count's subject)."""
    if indicator == "provinces_count" and subject in COUNT_SUBJECTS:
        return COUNT_SUBJECTS[subject]
    info = INDICATORS.get(indicator)
    base = info.label if info else "chỉ tiêu khác"   # never print an internal key
    return f"{base} {subject}" if subject and indicator.startswith("product") else base
