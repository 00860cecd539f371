"""The vocabulary of Vietnamese reports, compiled once; all patterns run on folded text.

Patterns that could start almost anywhere open with a lookahead on their possible first
characters (``(?=[ưd])``): a cheap test that spares the engine the rest at most positions.
"""

from __future__ import annotations

import re

from briefgen.numbers import NUMBER_PATTERN


def trie_pattern(words) -> str:
    """Return a regex matching any of *words*, as a character trie.

    Python's re tries the branches of a flat alternation one by one at every position;
    a trie fails after one character almost everywhere. Longer words are tried before
    their prefixes, so the longest word that fits wins.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(trie)


def _render(node: dict) -> str:
    branches = [re.escape(char) + _render(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


# Units after a number, by kind. Kinds drive the classifier; the unit itself is kept as written.
UNIT_KINDS: dict[str, str] = {
    "%": "percent",
    **dict.fromkeys(["triệu tỷ đồng", "nghìn tỷ đồng", "ngàn tỷ đồng", "nghìn tỷ", "ngàn tỷ", "tỷ đồng",
                     "triệu đồng", "nghìn đồng", "đồng", "tỷ", "tỷ usd", "triệu usd",
                     "nghìn usd", "usd", "tỷ đô la", "triệu đô la"], "money"),
    **dict.fromkeys(["tỷ tấn", "triệu tấn", "nghìn tấn", "ngàn tấn", "tấn", "triệu lít",
                     "tỷ lít", "nghìn lít", "lít", "tỷ kwh", "triệu kwh", "kwh", "mwh", "gwh",
                     "mw", "gw", "kw", "tỷ cái", "triệu cái", "nghìn cái", "cái", "triệu đôi",
                     "nghìn đôi", "đôi", "tỷ viên", "triệu viên", "viên", "triệu m3", "m3",
                     "triệu m2", "m2", "ha", "km", "triệu sản phẩm", "triệu lượt"], "physical"),
    **dict.fromkeys(["cụm công nghiệp", "cụm ccn", "ccn", "khu công nghiệp", "kcn", "dự án",
                     "doanh nghiệp", "lao động", "nhà máy", "chợ", "siêu thị",
                     "trung tâm thương mại", "làng nghề", "hợp tác xã", "cửa hàng"], "count"),
    "lần": "multiple",
}

QUANTITY_RE = re.compile(
    rf"(?=\d)(?<![\w.,/⁄])(?P<num>{NUMBER_PATTERN})[ \u00a0]?(?P<unit>%|(?:{trie_pattern(UNIT_KINDS)})(?!\w))"
    r"(?! thứ| chí| bào)"  # "lần thứ", "đồng chí", "đồng bào" are not units
)

# A table written as text: "- Kim ngạch xuất khẩu (triệu USD): cả năm 3.486,5; tăng 17,0%".
# The unit in the label's parentheses belongs to the bare numbers after the colon.
HEADER_UNIT_RE = re.compile(
    rf"\((?:[^()\n]*,\s*)?(?P<unit>{trie_pattern(UNIT_KINDS)})\)\s*:")
BARE_NUMBER_RE = re.compile(
    rf"(?=\d)(?<![\w.,/⁄%-])(?<!tháng )(?<!quý )(?<!ngày )(?<!số )(?P<num>{NUMBER_PATTERN})"
    r"(?![\w/⁄%-]|\s*(?:%|[^\W\d]))")

# Counts of provinces: "23/28 tỉnh thành", "có 21 tỉnh, thành phố".
_PROVINCE_NOUN = r"(?:tỉnh|địa phương|thành phố|tp)(?!\w)"
SLASH_COUNT_RE = re.compile(
    rf"(?=\d)(?<![\w.,/⁄])(?P<num>\d{{1,3}})/(?P<den>\d{{1,3}})(?![\d/⁄]) {_PROVINCE_NOUN}")
# "có 21 tỉnh", "tăng ở 61 địa phương", "3 địa phương giảm", "13 tỉnh tăng trên 10%",
# "tất cả 63 tỉnh" / "cả 34 địa phương" (out of all: unit /N).
HAVE_COUNT_RE = re.compile(
    rf"(?=\d)(?<![\w/⁄.,])(?P<num>\d{{1,3}}) (?P<noun>{_PROVINCE_NOUN})"
    r"(?P<verb>(?:,? thành phố)?(?: có (?:iip|chỉ số(?: sản xuất công nghiệp)?))? (?:tăng|giảm))?")
# What may precede such a count (read backwards from the number).
COUNT_LEAD_RE = re.compile(r"(?<!\w)(?:(?P<all>tất cả|toàn bộ|cả)|có|(?:tăng|giảm) ở(?: (?P<all2>cả))?) $")

# What the words just before a number say it is; the last match before the number wins.
VERB_RE = re.compile(r"(?<!\w)(?:tăng trưởng|tăng lên|tăng(?! cường)|giảm|âm|cao hơn|thấp hơn"
                     r"|nhiều hơn|ít hơn|chiếm|tỷ trọng"
                     r"|tỉ trọng|tỷ lệ|tỉ lệ|lấp đầy|bằng|đạt|là|gấp)(?!\w)")
# A sign written before a figure in parentheses: "Bắc Giang (+21,67%)", "(-36,3%)".
SIGN_BEFORE_RE = re.compile(r"(?:\(\s*(?:cùng\s+)?|\w\s*:\s*)(?P<sign>[+\-−–])\s*$")  # "(cùng +14%)",
# "Thái Nguyên: +3,1%"
# The words before a second figure of one statement: "tăng 0,9% so với tháng 5 và 10,3% …".
SHARED_VERB_LEAD_RE = re.compile(r"[\s,]*(?:so với[^,;:()]*?)?\s*(?:,|và)\s*")
# A figure alone in parentheses after a name, "Bến Tre (11,32%)": it takes the verb of its list.
BARE_PAREN_BEFORE_RE = re.compile(r"\w\s*\(\s*$")
# The base of a month-on-month or quarter-on-quarter change: "so với tháng trước", "cao hơn
# tháng 6 là", "so với quý I" (a month or quarter without a year of its own).
PREVIOUS_PERIOD_BASE_RE = re.compile(
    r"\s*(?:so với |hơn )?(?:tháng trước|quý trước|kỳ trước"
    r"|tháng (?:\d{1,2}|mười|chín|tám|bảy|sáu)(?![\d/⁄-]| năm| cùng)"
    r"|quý (?:i{1,3}|iv|[1-4])(?![\w/⁄-]| năm| cùng))")
# After "gấp X lần": the same period of the year before ("cùng kỳ", "năm trước", "năm 2015").
YEAR_ON_YEAR_AFTER_RE = re.compile(r"\s*(?:so với\s+)?(?:cùng kỳ|năm trước|năm \d{4})")
# A month with its year as the base of a change: "so với tháng 8/2023", "hơn tháng 10/2024 là".
MONTH_BASE_RE = re.compile(r"\s*(?:so với |hơn )?tháng (?P<month>\d{1,2})(?:/| năm )\d{4}")
# Where one statement of a change ends and the next begins: ", ", ";", "và".
STATEMENT_BREAK_RE = re.compile(r",(?!\d)|;|(?<!\w)và(?!\w)")
COMPARED_WITH_RE = re.compile(r"(?<!\w)so với(?!\w)")
PER_UNIT_RE = re.compile(r"bình quân|trung bình|mỗi (?:tỉnh|địa phương|người)|đầu người")
PLAN_AFTER_RE = re.compile(r"\s*(?:so với |của )?(?:kế hoạch|kh\b|dự toán|chỉ tiêu)")
THRESHOLD_BEFORE_RE = re.compile(r"(?:trên|hơn|từ|dưới|ít nhất|tối thiểu)\s*$")
RANGE_BEFORE_RE = re.compile(r"\d\s*[-–]\s*$")
# The lower bound of a range, right before the upper one: "50,5-51 tỷ USD", "8,3–8,5%".
RANGE_LOW_RE = re.compile(rf"(?<![\w.,/⁄-])(?P<low>{NUMBER_PATTERN})\s*[-–]\s*$")
RANGE_AFTER_RE = re.compile(r"\s*[-–]\s*\d")

ESTIMATE_RE = re.compile(r"(?=[ưd])(?:(?<!hiệp )(?<!công )(?<!quy )(?<!\w)ước(?!\w)(?! mơ| muốn| vọng)"
                         r"|dự kiến|dự ước|dự tính|dự báo)")
FORECAST_RE = re.compile(r"(?=d)(?<!\w)dự (?:kiến|tính)(?!\w)")
TARGET_RE = re.compile(r"(?=[cmpđbkd])(?:chỉ tiêu|mục tiêu|phấn đấu|dự báo|kế hoạch(?= \d)|(?:được|đã|chính phủ|bộ) giao(?!\w)"
                       r"|kế hoạch(?: năm \d{4})?\s*:|kế hoạch (?:năm \d{4} )?(?:đề ra|được giao))")
# Words that state an outcome after a target: "…; ước thực hiện tăng 11,2%".
OUTCOME_RE = re.compile(r"(?<!\w)(?:ước|thực hiện|kết quả|thực tế)(?!\w)")
SUBSET_RE = re.compile(r"(?=[nmc])(?<!\w)(?:những|một số|nhiều|các) (?:tỉnh|địa phương)(?!\w)")

# Topics: the nearest one before a figure says what the figure is about.
TOPICS: dict[str, str] = {
    **dict.fromkeys(["chỉ số sản xuất công nghiệp", "chỉ số sản xuất toàn ngành công nghiệp",
                     "chỉ số sản xuất ngành công nghiệp", "chỉ số công nghiệp",
                     "chỉ số phát triển công nghiệp", "iip"], "iip"),
    **dict.fromkeys(["giá trị sản xuất công nghiệp", "giá trị sản xuất ngành công nghiệp",
                     "gtsxcn"], "output"),
    "sản xuất công nghiệp": "industry",
    # Goods only: the retail figure where the report gives no total with services (a part).
    **dict.fromkeys(["bán lẻ hàng hóa", "doanh thu bán lẻ hàng hóa"], "retail_goods"),
    **dict.fromkeys(["tổng mức bán lẻ", "tổng mức lưu chuyển hàng hóa",
                     "doanh thu bán lẻ", "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
                     "tổng mức bán lẻ hàng hóa", "tổng mức lưu chuyển hàng hóa bán lẻ",
                     "bán lẻ hàng hóa và doanh thu dịch vụ",
                     "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng"], "retail"),
    **dict.fromkeys(["kim ngạch xuất khẩu", "giá trị xuất khẩu", "xuất khẩu"], "export"),
    **dict.fromkeys(["xuất nhập khẩu", "nhập khẩu", "nhập về", "hàng nhập", "xuất siêu", "nhập siêu", "grdp", "gdp",
                     "sản phẩm", "sản lượng", "cụm công nghiệp", "ccn", "khu công nghiệp",
                     "khuyến công", "kinh phí", "dân số", "điện", "số vốn", "vốn đăng ký",
                     "vốn điều lệ", "đầu tư", "ngân sách",
                     "cơ cấu kinh tế", "quy mô", "trữ lượng", "công suất", "doanh thu",
                     "thu nhập", "lao động", "công nghiệp"], "other"),
    # Sub-industries, sectors and districts: their indices are parts, not the IIP.
    **dict.fromkeys(["chế biến, chế tạo", "chế biến chế tạo", "khai khoáng", "phân phối điện",
                     "cung cấp nước", "cấp nước", "ngành cấp i", "ngành cấp ii", "ngành cấp 1",
                     "ngành cấp 2", "ngành gỗ", "ngành dệt may", "huyện", "thị xã",
                     # parts of a total by ownership or level of management
                     "khu vực nhà nước", "khu vực ngoài nhà nước", "khu vực có vốn đầu tư nước ngoài",
                     "khu vực fdi", "công nghiệp trung ương", "công nghiệp địa phương",
                     "chia theo thành phần kinh tế", "chia theo ngành",
                     # growth at constant prices, beside the headline at current prices
                     "loại trừ yếu tố giá"], "other"),
}
TOPIC_RE = re.compile(rf"(?<!\w)(?:{trie_pattern(TOPICS)})(?!\w)")

# Scope anchors. Province names are matched from a table (see scopes.py).
NATIONAL_RE = re.compile(r"(?=[ct])(?<!\w)(?:cả nước|toàn quốc)(?!\w)")
REGION_RE = re.compile(
    r"(?=[tckv\d])(?<!\w)(?:(?:toàn|của|trong|cả) (?:vùng|khu vực)(?! (?:công nghiệp|dịch vụ|nông|có vốn|fdi|nhà nước|ngoài nhà nước|kinh tế|doanh nghiệp|đầu tư))"
    r"|khu vực (?:phía (?:bắc|nam)|miền (?:bắc|trung|nam)|này)|vùng tdmnbb"
    r"|\d{1,2} (?:tỉnh|địa phương)[^.;:()\n]{0,30}?"
    r"(?:phía (?:bắc|nam)|tdmnbb|bắc bộ|trung bộ|miền trung|tây nguyên))(?!\w)")
# Words that make a following scope a point of comparison, not the figure's own scope.
REFERENCE_RE = re.compile(r"(?<!\w)(?:so|hơn|chiếm|bằng|sau|đứng đầu|dẫn đầu|là|với|thuộc)(?!\w)")
# For a province, "dẫn đầu là tỉnh Trà Vinh", "tiêu biểu là Tây Ninh" name the subject.
PROVINCE_REFERENCE_RE = re.compile(r"(?<!\w)(?:so|hơn|chiếm|bằng|sau|với|thuộc)(?!\w)")
# A scope right after its figure: "mức tăng 9,1% của cả nước".
OWN_SCOPE_GAP_RE = re.compile(r"\s*(?:của|ở|tại)\s+")
# What may stand between a province and its figure in a list: "(mới)", "cũ".
POST_MERGER_TAG_RE = re.compile(r"\s*(?:\((?:mới|cũ)\)|cũ|mới)?\s*")
# Clause boundaries; a comma between digits is a decimal mark, not a boundary.
CLAUSE_BREAK_RE = re.compile(r",(?!\d)|[;:()]")
MAJOR_BREAK_RE = re.compile(r"[;:()]")
