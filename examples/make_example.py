"""Write examples/bieu-mau-2025-vi-du.xlsx: the 2025 form filled with FICTITIOUS figures.

VÍ DỤ – SỐ LIỆU GIẢ ĐỊNH: every number below is invented to show how the form is filled
and what the draft makes of it. None of them is a real statistic of any province.

    python examples/make_example.py            # rewrites the example workbook
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from briefgen.sources.forms.layout import NATIONAL

from briefgen.forms.layout import layout_for_year
from briefgen.forms.write_form import write_form
from briefgen.paths import DEFAULT_WORKSPACE
from briefgen.sources.tables import load_dataset

HERE = Path(__file__).resolve().parent
TARGET = HERE / "bieu-mau-2025-vi-du.xlsx"

# Invented figures per province: IIP growth 2024 and 9M-2025 (%), retail sales 2024 and
# 9M-2025 with last year's value (tỷ đồng), exports 2024 and 9M-2025 with last year's
# value (triệu USD). Round numbers on purpose, so nobody mistakes them for statistics.
FICTITIOUS = {
    # name: (iip24, iip25, (retail24, retail23), (retail25, retail24_9m), (export24, export23), (export25, export24_9m))
    "Cao Bằng":    (5.0, 6.0, (15000, 14000), (12000, 11000), (500, 450), (400, 380)),
    "Lạng Sơn":    (7.0, 8.0, (30000, 28000), (24000, 22000), (900, 800), (700, 650)),
    "Điện Biên":   (6.0, 5.0, (14000, 13000), (11000, 10200), (50, 45), (40, 42)),
    "Lai Châu":    (12.0, 9.0, (10000, 9500), (8000, 7400), (30, 28), (25, 22)),
    "Sơn La":      (8.0, 10.0, (35000, 32000), (28000, 26000), (200, 180), (160, 150)),
    "Hà Nội":      (4.0, 7.0, (800000, 740000), (640000, 590000), (19000, 17500), (15000, 14000)),
    "Quảng Ninh":  (11.0, 12.0, (150000, 138000), (120000, 110000), (6000, 5500), (5000, 4600)),
    "Thanh Hóa":   (14.0, 15.0, (190000, 172000), (150000, 137000), (7000, 6200), (6000, 5300)),
    "Nghệ An":     (10.0, 11.0, (120000, 110000), (96000, 88000), (2500, 2200), (2100, 1900)),
    "Hà Tĩnh":     (9.0, 6.0, (60000, 56000), (48000, 45000), (1500, 1400), (1100, 1150)),
    "Tuyên Quang": (12.0, 13.0, (50000, 45000), (40000, 36000), (700, 600), (600, 520)),
    "Lào Cai":     (9.0, 10.0, (60000, 55000), (48000, 44000), (2000, 1800), (1600, 1500)),
    "Thái Nguyên": (8.0, 9.0, (80000, 74000), (64000, 59000), (30000, 28000), (24000, 22000)),
    "Phú Thọ":     (13.0, 14.0, (150000, 136000), (120000, 108000), (15000, 13500), (12000, 10800)),
    "Bắc Ninh":    (18.0, 20.0, (200000, 178000), (160000, 140000), (60000, 52000), (50000, 43000)),
    "Hưng Yên":    (11.0, 12.0, (120000, 109000), (96000, 87000), (12000, 10800), (9800, 8900)),
    "Hải Phòng":   (15.0, 16.0, (300000, 270000), (240000, 215000), (45000, 40000), (37000, 33000)),
    "Ninh Bình":   (14.0, 13.0, (200000, 182000), (160000, 146000), (9000, 8000), (7300, 6600)),
}
NATIONAL_IIP = (8.0, 9.0)   # invented too


def growth(now: int, before: int) -> Decimal:
    """Return the growth rate consistent with the two values, rounded like a province would."""
    return (Decimal(now) / Decimal(before) * 100 - 100).quantize(Decimal("0.1"), ROUND_HALF_UP)


def cells(layout) -> dict[str, dict[str, object]]:
    """Return the invented values by province and column key."""
    first, second = layout.periods
    values: dict[str, dict[str, object]] = {}
    for name, (iip24, iip25, r24, r25, e24, e25) in FICTITIOUS.items():
        row: dict[str, object] = {f"iip_growth@{first.code}:growth": iip24,
                                  f"iip_growth@{second.code}:growth": iip25,
                                  "note": "VÍ DỤ – số liệu giả định"}
        for indicator, period, (now, before) in (("retail_sales", first, r24), ("retail_sales", second, r25),
                                                  ("export_value", first, e24), ("export_value", second, e25)):
            row[f"{indicator}@{period.code}:value"] = now
            row[f"{indicator}@{period.code}:previous"] = before
            row[f"{indicator}@{period.code}:growth"] = float(growth(now, before))
        for field in ("iip_growth", "retail_sales", "export_value"):
            row[f"{field}@{second.code}:estimate"] = "x"      # 9 months: estimates
        values[name] = row
    values[NATIONAL] = {f"iip_growth@{first.code}:growth": NATIONAL_IIP[0],
                        f"iip_growth@{second.code}:growth": NATIONAL_IIP[1],
                        "note": "VÍ DỤ – số liệu giả định"}
    return values


def main() -> None:
    dataset = load_dataset(DEFAULT_WORKSPACE.data)
    layout = layout_for_year(dataset, 2025)
    write_form(layout, dataset, TARGET, example=True, values=cells(layout))
    print(f"Đã ghi {TARGET}")


if __name__ == "__main__":
    main()
