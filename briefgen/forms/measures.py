"""The indicators a province form asks for, their units and how the region adds them up."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from briefgen.load.provinces import fold

# Fields of a value indicator, in column order; an index (IIP) has only growth and estimate.
VALUE_FIELDS = ("value", "unit", "previous", "growth", "estimate")
INDEX_FIELDS = ("growth", "estimate")


def _units(**factors: str) -> dict[str, Decimal]:
    return {fold(unit.replace("_", " ")): Decimal(f) for unit, f in factors.items()}


@dataclass(frozen=True)
class Measure:
    """An indicator the form asks for, with its units and how the region adds it up."""

    indicator: str               # retail_sales
    growth: str                  # retail_growth
    label: str                   # Vietnamese header
    short: str                   # for chart and table headers
    province_unit: str = "%"     # unit province figures are kept in
    region_unit: str = "%"       # unit of the regional total
    units: dict[str, Decimal] = field(default_factory=dict)   # folded unit -> factor to province_unit
    strict_growth: bool = True   # value/previous/growth must agree (False: growth at constant prices)

    @property
    def noun(self) -> str:
        """Return the label for running text: ``tổng mức bán lẻ …``, ``chỉ số … (IIP)``."""
        return self.label[:1].lower() + self.label[1:]

    @property
    def is_index(self) -> bool:
        """Return whether the measure is an index (IIP): growth only, never summed."""
        return not self.units

    @property
    def fields(self) -> tuple[str, ...]:
        return INDEX_FIELDS if self.is_index else VALUE_FIELDS

    def factor(self, unit_text: str) -> Decimal | None:
        """Return the factor turning a value in *unit_text* into the province unit, or None."""
        folded = fold(unit_text).replace("vnd", "dong").replace("ngan ", "nghin ")
        return self.units.get(folded)

    @property
    def unit_choices(self) -> tuple[str, ...]:
        """Return the units offered in the form's drop-down list."""
        return tuple(UNIT_SPELLING[u] for u in self.units)


_MONEY = _units(trieu_dong="0.001", ty_dong="1", nghin_ty_dong="1000")
_USD = _units(nghin_USD="0.001", trieu_USD="1", ty_USD="1000")
UNIT_SPELLING = {fold(u): u for u in ("triệu đồng", "tỷ đồng", "nghìn tỷ đồng",
                                      "nghìn USD", "triệu USD", "tỷ USD")}

MEASURES: tuple[Measure, ...] = (
    Measure("iip_growth", "iip_growth", "Chỉ số sản xuất công nghiệp (IIP)", "IIP"),
    Measure("retail_sales", "retail_growth", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
            "Bán lẻ", "tỷ đồng", "nghìn tỷ đồng", _MONEY),
    Measure("export_value", "export_growth", "Kim ngạch xuất khẩu", "Xuất khẩu",
            "triệu USD", "tỷ USD", _USD),
    Measure("industrial_output_value", "industrial_output_growth", "Giá trị sản xuất công nghiệp",
            "GTSXCN", "tỷ đồng", "nghìn tỷ đồng", _MONEY, strict_growth=False),
)
MEASURE_BY_INDICATOR = {m.indicator: m for m in MEASURES}
# Indicators the ministry may give for the whole country (the "Cả nước" row).
NATIONAL_MEASURES = ("iip_growth", "retail_sales", "export_value")


def tidy(number: Decimal) -> Decimal:
    """Return *number* without trailing zeros left by unit conversion, never in E notation."""
    normal = number.normalize()
    return normal.quantize(Decimal(1)) if normal.as_tuple().exponent > 0 else normal
