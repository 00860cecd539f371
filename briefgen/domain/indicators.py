"""THE indicator registry: one entry says everything briefgen knows about an indicator.

To add an indicator, add one ``Indicator`` below (and a phrase to a template if the
narrative should speak of it): its Vietnamese names, unit, kind, growth, how the region
adds it up, whether the province form asks for it, its place in the history table and
the words reports use for it (``in_reports``: the extractor reads them from here). Nothing
else in briefgen spells an indicator key.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from briefgen.domain import wordings

# Kinds of indicator.
LEVEL, GROWTH, INDEX, COUNT, SHARE, RATIO = "level", "growth", "index", "count", "share", "ratio"
# How the provinces' figures make the region's.
SUM = "sum"                  # values add up
FROM_VALUES = "from_values"  # a growth is computed from the summed values, never averaged
NEVER = "never"              # an index is never summed (median, counts and ranking instead)

# Units a value may be given in, by family, with the factor to the family's base unit.
UNIT_FAMILIES: dict[str, dict[str, Decimal]] = {
    "đồng": {"triệu đồng": Decimal("0.001"), "tỷ đồng": Decimal("1"), "nghìn tỷ đồng": Decimal("1000")},
    "USD": {"nghìn USD": Decimal("0.001"), "triệu USD": Decimal("1"), "tỷ USD": Decimal("1000")},
}
COUNT_UNITS = ("cụm", "dự án", "lao động")      # whole things: no fractions
# Column of the history table that both measures of industrial growth share.
INDUSTRY_GROWTH = "industry_growth"

# Subjects reports name (the extractor's topics), in the order ``briefgen extract`` scores them.
IIP, OUTPUT, INDUSTRY, RETAIL, EXPORT = "iip", "output", "industry", "retail", "export"
REPORT_TOPICS = (IIP, OUTPUT, INDUSTRY, RETAIL, EXPORT)
RETAIL_GOODS = "retail_goods"  # retail of goods only: the extractor decides whether it stands for retail
# What a report's figure is beside the subject it is named under: a level of money, a growth
# (GROWTH) or a year-on-year ratio "gấp X lần cùng kỳ" (RATIO).
MONEY = "money"
# What ``briefgen extract`` calls every figure that is none of the indicators it reports.
OTHER = "other"


@dataclass(frozen=True)
class FormQuestion:
    """How the province form asks for an indicator."""

    label: str                   # column header: "Kim ngạch xuất khẩu"
    short: str                   # for chart and table headers: "Xuất khẩu"
    province_unit: str = "%"     # unit province figures are kept in
    region_unit: str = "%"       # unit of the regional total
    strict_growth: bool = True   # value/previous/growth must agree (False: growth at constant prices)
    national: bool = False       # the ministry may give it for the whole country ("Cả nước" row)
    positive_count: str | None = None   # count subject: provinces whose growth is positive
    province_table: bool = False        # a column of the province table and a share chart


@dataclass(frozen=True)
class InReports:
    """Words that name an indicator in reports, and which figures under them are that indicator."""

    topic: str                     # the subject the words name, shared by a value and its growth
    roles: tuple[str, ...] = ()    # figures under it read as this indicator: MONEY, GROWTH, RATIO
    phrases: tuple[str, ...] = ()  # the words, folded (lower case, "hóa" spelling)


@dataclass(frozen=True)
class Indicator:
    """One indicator: its names, unit, kind, growth, aggregation, form, headline role, words in reports."""

    key: str
    name: str                    # noun phrase of running text and "Cần số liệu: <name> …"
    unit: str                    # unit a placeholder asks for ("" = a count)
    kind: str                    # LEVEL, GROWTH, INDEX, COUNT, SHARE or RATIO
    short: str = ""              # chart and table headers
    family: str = ""             # key of UNIT_FAMILIES the value may be converted within
    units: tuple[str, ...] = ()  # units the data may give it in; the first is the common one
    growth: str | None = None    # the indicator of its growth (retail_sales → retail_growth)
    aggregate: str = ""          # SUM, FROM_VALUES or NEVER across provinces ("" = not aggregated)
    form: FormQuestion | None = None
    headline: str | None = None  # column of the history table
    headline_header: str = ""    # that column's header (the first indicator of a column names it)
    compared: bool = False       # compared with what the provinces reported before the merger
    target_label: str | None = None     # how the Government's target names it
    results_row: str | None = None      # label of its row in the results table
    history_chart: str | None = None    # id of its bar chart by year (section IV)
    in_reports: tuple[InReports, ...] = ()  # how reports name it; none: the extractor says OTHER

    @property
    def is_growth(self) -> bool:
        return self.kind in (GROWTH, INDEX)

    @property
    def headline_label(self) -> str:
        """Return the name that opens a comparison sentence (capitalised)."""
        return self.short


_RETAIL_NAME = "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng"
_RETAIL_SHORT = "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"


def _named(*phrases: str) -> tuple[InReports, ...]:
    """Return the words of an indicator the extractor recognises but reports as OTHER."""
    return (InReports(OTHER, (), phrases),)


_CCN, _KHUYEN_CONG, _PRODUCT = _named("cụm công nghiệp", "ccn"), _named("khuyến công", "kinh phí"), \
    _named("sản lượng", "sản phẩm")

_ENTRIES = (
    Indicator("iip_growth", "tốc độ tăng chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ", "%", INDEX,
              aggregate=NEVER, headline=INDUSTRY_GROWTH, headline_header="Tăng trưởng công nghiệp", compared=True,
              form=FormQuestion("Chỉ số sản xuất công nghiệp (IIP)", "IIP", national=True),
              target_label="chỉ số sản xuất công nghiệp (IIP)",
              in_reports=(InReports(IIP, (GROWTH,), wordings.IIP),
                          InReports(INDUSTRY, (GROWTH,), wordings.INDUSTRY))),
    Indicator("retail_sales", _RETAIL_NAME, "nghìn tỷ đồng", LEVEL, _RETAIL_SHORT, "đồng",
              ("nghìn tỷ đồng", "tỷ đồng"), "retail_growth", SUM, headline="retail_sales",
              headline_header="Bán lẻ (nghìn tỷ đồng)", compared=True,
              form=FormQuestion("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "Bán lẻ",
                                "tỷ đồng", "nghìn tỷ đồng", national=True,
                                positive_count="retail_growth_positive", province_table=True),
              results_row=_RETAIL_SHORT, history_chart="retail_history",
              in_reports=(InReports(RETAIL, (MONEY,), wordings.RETAIL),
                          InReports(RETAIL_GOODS, (), wordings.RETAIL_GOODS))),
    Indicator("retail_growth", "tốc độ tăng tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "%", GROWTH,
              _RETAIL_SHORT, aggregate=FROM_VALUES, headline="retail_growth", headline_header="Tăng bán lẻ",
              compared=True,
              target_label=_RETAIL_NAME, in_reports=(InReports(RETAIL, (GROWTH,), wordings.RETAIL),)),
    Indicator("export_value", "kim ngạch xuất khẩu", "tỷ USD", LEVEL, "Kim ngạch xuất khẩu", "USD",
              ("tỷ USD", "triệu USD"), "export_growth", SUM, headline="export_value",
              headline_header="Xuất khẩu (tỷ USD)", compared=True,
              form=FormQuestion("Kim ngạch xuất khẩu", "Xuất khẩu", "triệu USD", "tỷ USD", national=True,
                                positive_count="export_growth_positive", province_table=True),
              results_row="Kim ngạch xuất khẩu", history_chart="export_history",
              in_reports=(InReports(EXPORT, (MONEY,), wordings.EXPORT),)),
    Indicator("export_growth", "tốc độ tăng kim ngạch xuất khẩu", "%", GROWTH, "Kim ngạch xuất khẩu",
              aggregate=FROM_VALUES, headline="export_growth", headline_header="Tăng xuất khẩu", compared=True,
              target_label="kim ngạch xuất khẩu",
              in_reports=(InReports(EXPORT, (GROWTH, RATIO), wordings.EXPORT),)),
    Indicator("industrial_output_value", "giá trị sản xuất công nghiệp", "nghìn tỷ đồng", LEVEL,
              "GTSXCN", "đồng", ("nghìn tỷ đồng", "tỷ đồng"), "industrial_output_growth", SUM, compared=True,
              form=FormQuestion("Giá trị sản xuất công nghiệp", "GTSXCN", "tỷ đồng", "nghìn tỷ đồng",
                                strict_growth=False),
              in_reports=(InReports(OUTPUT, (MONEY,), wordings.OUTPUT),
                          InReports(INDUSTRY, (MONEY,), wordings.INDUSTRY))),
    Indicator("industrial_output_growth", "tốc độ tăng giá trị sản xuất công nghiệp", "%", GROWTH,
              "Giá trị sản xuất công nghiệp", aggregate=FROM_VALUES, headline=INDUSTRY_GROWTH, compared=True),
    Indicator("ccn_established", "số cụm công nghiệp đã có quyết định thành lập", "cụm", COUNT,
              in_reports=_CCN),
    Indicator("ccn_established_area", "diện tích các cụm công nghiệp đã thành lập", "ha", LEVEL,
              in_reports=_CCN),
    Indicator("ccn_operating", "số cụm công nghiệp đang hoạt động", "cụm", COUNT, in_reports=_CCN),
    Indicator("ccn_operating_area", "diện tích các cụm công nghiệp đang hoạt động", "ha", LEVEL,
              in_reports=_CCN),
    Indicator("ccn_planned", "số cụm công nghiệp trong quy hoạch", "cụm", COUNT, in_reports=_CCN),
    Indicator("ccn_occupancy", "tỷ lệ lấp đầy bình quân của các cụm công nghiệp", "%", SHARE,
              in_reports=_CCN),
    Indicator("khuyen_cong_budget", "kinh phí khuyến công", "tỷ đồng", LEVEL, in_reports=_KHUYEN_CONG),
    Indicator("product_output", "sản lượng", "", LEVEL, in_reports=_PRODUCT),
    Indicator("product_ratio", "sản lượng so với cùng kỳ", "lần", RATIO, in_reports=_PRODUCT),
    Indicator("grdp", "tổng sản phẩm trên địa bàn (GRDP)", "nghìn tỷ đồng", LEVEL,
              in_reports=_named("grdp")),
    Indicator("grdp_growth", "tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)", "%", GROWTH,
              target_label="tổng sản phẩm trên địa bàn (GRDP) của các địa phương", in_reports=_named("grdp")),
    Indicator("gdp_growth", "tốc độ tăng tổng sản phẩm trong nước (GDP)", "%", GROWTH,
              target_label="tổng sản phẩm trong nước (GDP)", in_reports=_named("gdp")),
    Indicator("share_of_region", "tỷ trọng trong toàn khu vực", "%", SHARE),
    Indicator("industrial_output_plan_share", "tỷ lệ thực hiện kế hoạch giá trị sản xuất công nghiệp", "%",
              RATIO),
    Indicator("trade_growth", "tốc độ tăng kim ngạch xuất nhập khẩu", "%", GROWTH,
              in_reports=_named("xuất nhập khẩu")),
    Indicator("ccn_planned_area", "diện tích các cụm công nghiệp theo quy hoạch", "ha", LEVEL,
              in_reports=_CCN),
    Indicator("ccn_projects", "số dự án trong các cụm công nghiệp", "dự án", COUNT, in_reports=_CCN),
    Indicator("ccn_workers", "số lao động trong các cụm công nghiệp", "lao động", COUNT,
              in_reports=_CCN),
    Indicator("khuyen_cong_growth", "tốc độ tăng kinh phí khuyến công", "%", GROWTH, in_reports=_KHUYEN_CONG),
    Indicator("product_growth", "tốc độ tăng sản lượng", "%", GROWTH, in_reports=_PRODUCT),
    Indicator("retail_national_share", "tỷ trọng tổng mức bán lẻ trong cả nước", "%", SHARE),
    Indicator("area", "diện tích tự nhiên", "km²", LEVEL),
    Indicator("population", "quy mô dân số", "người", LEVEL),
    Indicator("electricity_growth", "tốc độ tăng tổng điện năng sản xuất và nhập khẩu", "%", GROWTH,
              target_label="tổng điện năng sản xuất và nhập khẩu", in_reports=_named("điện")),
)
INDICATORS: dict[str, Indicator] = {i.key: i for i in _ENTRIES}


def report_topics() -> dict[str, str]:
    """Return each phrase reports name an indicator with → the topic it names (for the extractor)."""
    return {phrase: words.topic for entry in INDICATORS.values() for words in entry.in_reports
            for phrase in words.phrases}


def read_in_reports() -> dict[tuple[str, str], str]:
    """Return (topic, role) → the indicator a report's figure is, in the order of REPORT_TOPICS
    (a new topic after them).

    A pair absent from it is OTHER: "giá trị sản xuất công nghiệp tăng 8%" is not reported.
    """
    found = [((words.topic, role), entry.key) for entry in INDICATORS.values() for words in entry.in_reports
             for role in words.roles]
    order = {topic: place for place, topic in enumerate(REPORT_TOPICS)}
    return dict(sorted(found, key=lambda item: order.get(item[0][0], len(order))))

# Figures about figures: "N/28 provinces …", a province's rank, the region's median.
PROVINCES_COUNT = "provinces_count"
RANK_IN_REGION = "rank_in_region"
IIP_MEDIAN = "iip_growth_median"      # the region's median IIP growth, from the forms
COUNT_SUBJECTS: dict[str, str] = {
    "iip_above_national": "số tỉnh, thành phố có IIP tăng cao hơn mức tăng của cả nước",
    "iip_above_10": "số tỉnh, thành phố có IIP tăng trên 10%",
    "iip_10_or_more": "số tỉnh, thành phố có IIP tăng từ 10% trở lên",   # the source's threshold, kept
    "iip_above_11": "số tỉnh, thành phố có IIP tăng trên 11%",
    "iip_positive": "số tỉnh, thành phố có IIP tăng trưởng dương",
    "export_growth_positive": "số tỉnh, thành phố có kim ngạch xuất khẩu tăng",
    "retail_growth_positive": "số tỉnh, thành phố có tổng mức bán lẻ tăng",
}
IIP_ABOVE_NATIONAL = "iip_above_national"
# Standard main products of the briefings (DOMAIN §3), with their usual unit.
MAIN_PRODUCTS: tuple[tuple[str, str], ...] = (
    ("xi măng", "triệu tấn"), ("bia đóng chai", "triệu lít"), ("quần áo may sẵn", "triệu cái"),
    ("giày dép", "triệu đôi"), ("gạch xây", "tỷ viên"), ("điện sản xuất", "tỷ kWh"),
)


class _Keys:
    """The registry's keys as attributes: ``K.retail_sales`` is "retail_sales", a typo an error."""

    def __getattr__(self, name: str) -> str:
        if name in INDICATORS:
            return name
        raise AttributeError(f"no indicator {name!r} in the registry")


K = _Keys()


def indicator(key: str) -> Indicator | None:
    """Return the registry entry of *key*, or None for a key briefgen does not know."""
    return INDICATORS.get(key)


def label_of(key: str, subject: str | None = None) -> str:
    """Return the Vietnamese noun phrase for an indicator (or a count's subject)."""
    if key == PROVINCES_COUNT and subject in COUNT_SUBJECTS:
        return COUNT_SUBJECTS[subject]
    entry = INDICATORS.get(key)
    base = entry.name if entry else "chỉ tiêu khác"   # never print an internal key
    return f"{base} {subject}" if subject and key.startswith("product") else base


def is_growth(key: str) -> bool:
    """Return whether *key* is a rate of change (may be negative)."""
    entry = INDICATORS.get(key)
    return entry.is_growth if entry else key.endswith("_growth")


def of_kind(*kinds: str) -> tuple[str, ...]:
    """Return the keys of the indicators of *kinds*, in registry order."""
    return tuple(i.key for i in _ENTRIES if i.kind in kinds)


def growth_of() -> dict[str, str]:
    """Return value indicator → its growth indicator, for every value that has one."""
    return {i.key: i.growth for i in _ENTRIES if i.kind == LEVEL and i.growth}


def form_indicators() -> tuple[Indicator, ...]:
    """Return the indicators the province form asks for, in column order."""
    return tuple(i for i in INDICATORS.values() if i.form)


def compared_indicators() -> tuple[str, ...]:
    """Return the indicators compared with the provinces' figures before the merger."""
    return tuple(i.key for i in INDICATORS.values() if i.compared)


def headlines() -> tuple[str, ...]:
    """Return the history table's headline columns, in order."""
    return tuple(dict.fromkeys(i.headline for i in INDICATORS.values() if i.headline))


def headline_headers() -> tuple[str, ...]:
    """Return the header of each history column, in the order of ``headlines()``."""
    first = {}
    for entry in INDICATORS.values():
        if entry.headline and entry.headline not in first:
            first[entry.headline] = entry.headline_header
    return tuple(first.values())


def headline_of(key: str) -> str | None:
    """Return the headline column *key* fills in the history table, or None."""
    entry = INDICATORS.get(key)
    return entry.headline if entry else None


def headline_units() -> dict[str, tuple[str, ...]]:
    """Return the units each headline value may be given in (the first is the common one)."""
    return {i.key: i.units for i in INDICATORS.values() if i.units}


def common_unit(key: str) -> str | None:
    """Return the unit a series of *key* is compared in, or None when it is not converted."""
    entry = INDICATORS.get(key)
    return entry.units[0] if entry and entry.units else None


def unit_factor(unit: str, to: str) -> Decimal | None:
    """Return the factor turning a value in *unit* into *to* (same family), or None."""
    for factors in UNIT_FAMILIES.values():
        if unit in factors and to in factors:
            return factors[unit] / factors[to]
    return None


def results_rows() -> tuple[Indicator, ...]:
    """Return the value indicators with a row in the results table, in order."""
    return tuple(i for i in INDICATORS.values() if i.results_row)
