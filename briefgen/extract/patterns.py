"""The vocabulary of Vietnamese reports, compiled once; all patterns run on folded text.

Patterns that could start almost anywhere open with a lookahead on their possible first
characters (``(?=[ưd])``): a cheap test that spares the engine the rest at most positions.
"""

from __future__ import annotations

import re

from briefgen.domain.indicators import OTHER, report_topics
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
    **dict.fromkeys(["%", "phần trăm"], "percent"),
    **dict.fromkeys(["triệu tỷ đồng", "nghìn tỷ đồng", "ngàn tỷ đồng", "nghìn tỷ", "ngàn tỷ", "tỷ đồng",
                     "triệu đồng", "nghìn đồng", "đồng", "tỷ", "tỷ usd", "triệu usd",
                     "nghìn usd", "usd", "tỷ đô la", "triệu đô la",
                     # "tỉ" spelling, "đô-la", "đô la Mỹ"
                     "nghìn tỉ đồng", "ngàn tỉ đồng", "tỉ đồng", "tỉ", "tỉ usd", "tỷ đô-la",
                     "triệu đô-la", "tỷ đô la mỹ", "triệu đô la mỹ", "tỉ đô la"], "money"),
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


def _number_tail(pattern: str) -> str:
    """Return NUMBER_PATTERN with the first digit of every alternative taken out: a pattern
    opening with that digit, then checking what precedes it, lets re skip to digits quickly."""
    return re.sub(r"(?:^|(?<=\|))\\d(?:\{1,3\}|\+)",
                  lambda m: r"\d{0,2}" if "{" in m.group() else r"\d*", pattern)


QUANTITY_RE = re.compile(
    rf"(?P<num>\d(?<![\w.,/⁄]\d)(?:{_number_tail(NUMBER_PATTERN)}))[ \u00a0]?(?P<unit>%|(?:{trie_pattern(UNIT_KINDS)})(?!\w))"
    r"(?! thứ| chí| bào)"  # "lần thứ", "đồng chí", "đồng bào" are not units
)

# A table written as text: "- Kim ngạch xuất khẩu (triệu USD): cả năm 3.486,5; tăng 17,0%".
# The unit in the label's parentheses belongs to the bare numbers after the colon.
# "(% so với cùng kỳ)": the unit may be followed by the base of the changes.
# "(đơn vị: %, so cùng kỳ)", "(tỷ đồng, giá so sánh 2010)": a label before the unit, notes after it.
HEADER_UNIT_RE = re.compile(
    rf"\((?:[^()\n]*[,:]\s*)?(?P<unit>{trie_pattern(UNIT_KINDS)})(?:,?\s+so(?: với)?\s[^()\n]*|,[^()\n]*)?\)\s*:")
# A signed change alone in parentheses on a table line, "(+12,7)", "(-3,8)".
SIGNED_IN_PARENS_RE = re.compile(rf"\(\s*[+\-−](?P<num>{NUMBER_PATTERN})\s*\)")
# A bare number, signed or not ("quý III +11,4", "-2,1"), but not the end of a range "8-9".
BARE_NUMBER_RE = re.compile(
    rf"(?=\d)(?<![\w.,/⁄%])(?<![\w.,/⁄%][-–])(?<!tháng )(?<!quý )(?<!ngày )(?<!số )(?P<num>{NUMBER_PATTERN})"
    r"(?![\w/⁄%-]|\s*(?:%|[^\W\d]))")

# A signed number alone after a colon, "…: +6,7." (its unit is given by what the line names).
SIGNED_AFTER_COLON_RE = re.compile(
    rf":\s*[+\-−](?P<num>{NUMBER_PATTERN})(?![\w/⁄%-]|[.,]\d|\s*(?:%|[^\W\d]))")
INDEX_NAME_RE = re.compile(r"(?<!\w)(?:chỉ số|iip)(?!\w)")

# Counts of provinces: "23/28 tỉnh thành", "có 21 tỉnh, thành phố".
_PROVINCE_NOUN = r"(?:tỉnh|địa phương|thành phố|tp)(?!\w)"
SLASH_COUNT_RE = re.compile(  # not a rank, "xếp thứ 22/63 địa phương"
    rf"(?P<num>\d(?<![\w.,/⁄]\d)(?<!thứ \d)\d{{0,2}})/(?P<den>\d{{1,3}})(?![\d/⁄]) {_PROVINCE_NOUN}")
# "có 21 tỉnh", "tăng ở 61 địa phương", "61 địa phương trên cả nước ghi nhận mức tăng", "3 địa phương giảm", "13 tỉnh tăng trên 10%",
# "tất cả 63 tỉnh" / "cả 34 địa phương" (out of all: unit /N).
HAVE_COUNT_RE = re.compile(
    rf"(?P<num>\d(?<![\w/⁄.,]\d)\d{{0,2}}) (?P<noun>{_PROVINCE_NOUN})"
    r"(?P<verb>(?:,? thành phố)?(?: trên (?:cả nước|toàn quốc|cả vùng|toàn vùng))?"
    r"(?: có (?:iip|chỉ số(?: sản xuất công nghiệp)?))?(?: ghi nhận)?(?: mức)? (?:tăng|giảm))?")
# What may precede such a count (read backwards from the number).
# "tăng ở", "cao hơn cùng kỳ ở", "giảm so với cùng kỳ năm trước tại": a change, then where.
COUNT_LEAD_RE = re.compile(
    r"(?<!\w)(?:(?P<all>tất cả|toàn bộ|cả)|có|(?:tăng|giảm|cao hơn|thấp hơn)"
    r"(?: so với| so)?(?: cùng kỳ| mức tăng chung| bình quân chung)?(?: năm (?:trước|\d{4}))?"
    r" (?:ở|tại)(?: (?P<all2>cả))?) $")

# What the words just before a number say it is; the last match before the number wins.
VERB_RE = re.compile(r"(?<!\w)(?:tăng trưởng|tăng lên|tăng(?! cường)|nhích(?: lên| nhẹ)?|giảm|âm|cao hơn|thấp hơn"
                     r"|nhiều hơn|ít hơn|chiếm|tỷ trọng"
                     r"|tỉ trọng|tỷ lệ|tỉ lệ|lấp đầy|bằng|đạt|là|gấp)(?!\w)")
# A sign written before a figure in parentheses: "Bắc Giang (+21,67%)", "(-36,3%)".
# "(cùng +14%)", "Thái Nguyên: +3,1%", and a sign stuck to its number after a word ("quý III +11,4").
SIGN_BEFORE_RE = re.compile(r"(?:\(\s*(?:cùng\s+)?|\w\s*:\s*)(?P<sign>[+\-−–])\s*$|\w (?P<stuck>[+\-−])$")
# The words before a second figure of one statement: "tăng 0,9% so với tháng 5 và 10,3% …".
SHARED_VERB_LEAD_RE = re.compile(r"[\s,]*(?:so với[^,;:()]*?)?\s*(?:,|và)\s*")
# A figure alone in parentheses after a name, "Bến Tre (11,32%)": it takes the verb of its list.
BARE_PAREN_BEFORE_RE = re.compile(r"\w\s*\(\s*$")
# The base of a month-on-month or quarter-on-quarter change: "so với tháng trước", "cao hơn
# tháng 6 là", "so với quý I" (a month or quarter without a year of its own).
PREVIOUS_PERIOD_BASE_RE = re.compile(
    r"\s*(?:so với |so |hơn )?(?:tháng trước|quý trước|kỳ trước|(?:tháng|quý) liền (?:kề|trước)"
    r"|tháng (?:\d{1,2}|mười|chín|tám|bảy|sáu)(?![\d/⁄-]| năm| cùng)"
    r"|quý (?:i{1,3}|iv|[1-4])(?![\w/⁄-]| năm| cùng))")
# After "gấp X lần": the same period of the year before ("cùng kỳ", "năm trước", "năm 2015").
YEAR_ON_YEAR_AFTER_RE = re.compile(r"\s*(?:so với\s+)?(?:cùng kỳ|năm trước|năm \d{4})")
# A month with its year as the base of a change: "so với tháng 8/2023", "hơn tháng 10/2024 là".
MONTH_BASE_RE = re.compile(r"\s*(?:so với |so |hơn )?tháng (?P<month>\d{1,2})(?:/| năm )\d{4}")
# A quarter with its year as the base: "so quý I/2024", "so với quý II năm 2023".
QUARTER_BASE_RE = re.compile(r"\s*(?:so với |so |hơn )?quý (?P<quarter>iv|iii|ii|i|[1-4])(?:/| năm )\d{4}")
# Where one statement of a change ends and the next begins: ", ", ";", "và", "nhưng" (a base
# named before "nhưng" is not the base of the change after it).
STATEMENT_BREAK_RE = re.compile(r",(?!\d)|;|(?<!\w)(?:và|nhưng|song|còn|trong khi|đồng thời)(?!\w)")
COMPARED_WITH_RE = re.compile(r"(?<!\w)so với(?!\w)")
PER_UNIT_RE = re.compile(r"bình quân|trung bình|mỗi (?:tỉnh|địa phương|người)|đầu người")
PLAN_AFTER_RE = re.compile(r"\s*(?:so với |của )?(?:kế hoạch|kh\b|dự toán|chỉ tiêu)")
# The plan whose level a parenthesis then gives: "kế hoạch năm (…)", "chỉ tiêu năm 2024 giao (…)".
PLAN_BEFORE_PAREN_RE = re.compile(r"(?<!\w)(?:kế hoạch|kh|chỉ tiêu|mục tiêu|dự toán)(?: năm)?(?: \d{4})?"
                                  r"(?: (?:được )?giao| đề ra| của tỉnh)?\s*\($")
PLAN_OPENS_PAREN_RE = re.compile(r"\(\s*(?:kế hoạch|kh|chỉ tiêu|mục tiêu|dự toán)(?!\w)")
THRESHOLD_BEFORE_RE = re.compile(r"(?:trên|hơn|từ|dưới|ít nhất|tối thiểu)\s*$")
# "8-9", "8 - 9"; but "6T/2025 -1,2" is a signed figure (space before the sign, none after).
RANGE_BEFORE_RE = re.compile(r"\d(?:[-–]\s*|\s*[-–]\s+)$")
# The lower bound of a range, right before the upper one: "50,5-51 tỷ USD", "8,3–8,5%".
RANGE_LOW_RE = re.compile(rf"(?<![\w.,/⁄-])(?P<low>{NUMBER_PATTERN})\s*[-–]\s*$")
RANGE_AFTER_RE = re.compile(r"\s*[-–]\s*\d")

# Patterns scanned over a whole report open with plain letters (their word-start and other
# checks come after the first letter or digit): re then skips quickly to where they can match.
ESTIMATE_RE = re.compile(r"(?:ước(?<!(?<!\w)hiệp ước)(?<!(?<!\w)công ước)(?<!(?<!\w)quy ước)(?<!\wước)(?!\w)(?! mơ| muốn| vọng)"
                         r"|dự kiến|dự ước|dự tính|dự báo)")
FORECAST_RE = re.compile(r"dự(?<!\wdự) (?:kiến|tính)(?!\w)")
TARGET_RE = re.compile(r"(?:chỉ tiêu(?! này)|mục tiêu|phấn đấu|dự báo|kế hoạch(?= \d)"
                       r"|được giao(?!\w)|đã giao(?!\w)|chính phủ giao(?!\w)|bộ giao(?!\w)"
                       r"|kế hoạch(?: năm \d{4})?\s*:|kế hoạch (?:năm \d{4} )?(?:đề ra|được giao))")
# Words that state an outcome after a target: "…; ước thực hiện tăng 11,2%".
OUTCOME_RE = re.compile(r"(?<!\w)(?:ước|thực hiện|kết quả|thực tế)(?!\w)")
SUBSET_RE = re.compile(r"(?:những(?<!\wnhững)|một(?<!\wmột) số|nhiều(?<!\wnhiều)|các(?<!\wcác))"
                       r" (?:tỉnh|địa phương)(?!\w)")

# Topics: the nearest one before a figure says what the figure is about. The registry gives the
# words that name its indicators; the extractor adds the subjects it reports as OTHER.
TOPICS: dict[str, str] = {
    **report_topics(),
    # Trade through a border gate includes other provinces' goods; a product or group of goods
    # as the subject ("hàng may mặc đạt …", "lượng gạo xuất khẩu …") makes its figures parts.
    **dict.fromkeys(["giá bán lẻ", "cửa khẩu", "lượng", "khối lượng", "gạo", "hàng may mặc", "may mặc",
                     "hàng dệt may", "dệt may", "hạt điều", "cà phê", "cao su", "hồ tiêu", "chè",
                     "giày dép", "túi xách", "rau quả", "hàng rau quả", "sắn", "gỗ và sản phẩm gỗ",
                     "sản phẩm gỗ", "đồ gỗ", "sắt thép", "xăng dầu", "phân bón", "than đá",
                     "điện thoại", "linh kiện", "máy tính", "máy móc", "dây điện", "hàng điện tử",
                     "điện tử", "hải sản", "tôm", "cá tra", "hàng thủ công mỹ nghệ"], OTHER),
    # Other indices: a later bare "chỉ số" may refer back to them (see INDEX_REFERENCE_RE).
    **dict.fromkeys(["chỉ số giá", "chỉ số giá tiêu dùng", "cpi", "chỉ số tiêu thụ",
                     "chỉ số tồn kho", "chỉ số sử dụng lao động", "pmi", "chỉ số pmi"],
                    INDEX_OTHER := "index_other"),
    **dict.fromkeys(["nhập khẩu", "nhập về", "hàng nhập", "xuất siêu", "nhập siêu",
                     "khu công nghiệp", "dân số", "số vốn", "vốn đăng ký",
                     "vốn điều lệ", "đầu tư", "ngân sách",
                     "cơ cấu kinh tế", "quy mô", "trữ lượng", "công suất", "doanh thu",
                     "thu nhập", "lao động", "công nghiệp"], OTHER),
    # Sub-industries, sectors and districts: their indices are parts, not the IIP.
    **dict.fromkeys(["chế biến, chế tạo", "chế biến chế tạo", "khai khoáng", "phân phối điện",
                     "cung cấp nước", "cấp nước", "ngành cấp i", "ngành cấp ii", "ngành cấp 1",
                     "ngành cấp 2", "ngành gỗ", "ngành dệt may", "huyện", "thị xã",
                     # parts of a total by ownership or level of management
                     "khu vực nhà nước", "khu vực ngoài nhà nước", "khu vực có vốn đầu tư nước ngoài",
                     "khu vực fdi", "công nghiệp trung ương", "công nghiệp địa phương",
                     "chia theo thành phần kinh tế", "chia theo ngành",
                     # growth at constant prices, beside the headline at current prices
                     "loại trừ yếu tố giá",
                     # parts of exports or retail by group of goods or services
                     "nhóm hàng", "nhóm", "mặt hàng", "ngành hàng", "nông sản", "thủy sản",
                     "lâm sản", "dịch vụ lưu trú", "lưu trú", "ăn uống", "dịch vụ khác"], OTHER),
    # Subjects of other sectors: a sentence about them breaks the carry-over of the
    # paragraph's indicator ("Khách du lịch … tăng 14%" after a retail sentence).
    **dict.fromkeys(["khách du lịch", "du lịch", "lượt khách", "khách quốc tế", "khách nội địa",
                     "vận tải", "hành khách", "vận chuyển", "tín dụng", "thu ngân sách",
                     "chi ngân sách", "nông nghiệp", "lâm nghiệp", "chăn nuôi", "trồng trọt",
                     "xây dựng", "bất động sản", "lạm phát", "giải ngân", "viễn thông",
                     "bưu chính", "giá vàng"], OTHER),
}
TOPIC_RE = re.compile(rf"(?<!\w)(?:{trie_pattern(TOPICS)})(?!\w)")
# "góp phần nâng chỉ số sản xuất toàn ngành: …", "đóng góp vào GRDP": the whole that parts
# contribute to, named as an object; the figures after it are the parts'.
CONTRIBUTION_BEFORE_RE = re.compile(r"(?<!\w)(?:góp phần|đóng góp)(?: \w+){0,2} $")
# A group of goods before a headline topic in the same clause: "nhóm hàng … xuất khẩu".
PART_BEFORE_RE = re.compile(r"(?<!\w)(?:nhóm|mặt hàng|ngành hàng|lượng|khối lượng|gạo|hạt điều|cà phê"
                            r"|may mặc|dệt may|giày dép|rau quả|thủy sản|nông sản)(?!\w)(?P<gap>[^,;:().\d]*)$")
# A bare "chỉ số" followed by its period or its change ("chỉ số 5 tháng cao hơn …", "chỉ số
# tháng 9 tăng …", "chỉ số chung tăng …") refers back to the index the text named last.
INDEX_REFERENCE = "index_reference"
INDEX_REFERENCE_RE = re.compile(
    r"chỉ số(?<!\wchỉ số)(?= (?:\d|tháng|quý|năm|nửa|sáu|chín|mười|ba|bốn|bảy|tám|hai"
    r"|chung|tăng|giảm|cao hơn|thấp hơn|ước|này|trên)(?!\w))")

# "chỉ tiêu này", "con số này" refer back to the indicator the text named last. The match is
# " này" (a literal first: re skips quickly to it), checked backwards for its noun.
ANAPHOR_RE = re.compile(r" này(?!\w)(?:(?<=(?<!\w)chỉ tiêu này)|(?<=(?<!\w)con số này)|(?<=(?<!\w)số liệu này))")

# Scope anchors. Province names are matched from a table (see scopes.py).
NATIONAL_RE = re.compile(r"(?:cả(?<!\wcả) nước|toàn(?<!\wtoàn) quốc)(?!\w)")
REGION_RE = re.compile(
    r"(?=[tckv\d])(?<!\w)(?:(?:toàn|của|trong|cả) (?:vùng|khu vực)(?! (?:công nghiệp|dịch vụ|nông|có vốn|fdi|nhà nước|ngoài nhà nước|kinh tế|doanh nghiệp|đầu tư))"
    r"|khu vực (?:phía (?:bắc|nam)|miền (?:bắc|trung|nam)|này)|vùng tdmnbb"
    r"|\d{1,2} (?:tỉnh|địa phương)[^.;:()\n]{0,30}?"
    r"(?:phía (?:bắc|nam)|tdmnbb|bắc bộ|trung bộ|miền trung|tây nguyên))(?!\w)")
# Words that make a following scope a point of comparison, not the figure's own scope.
REFERENCE_RE = re.compile(r"(?<!\w)(?:so|hơn|chiếm|bằng|sau|đứng đầu|dẫn đầu|là|với|thuộc|thứ|nhất)(?!\w)")
# For a province, "dẫn đầu là tỉnh Trà Vinh", "tiêu biểu là Tây Ninh" name the subject.
PROVINCE_REFERENCE_RE = re.compile(r"(?<!\w)(?:so|hơn|chiếm|bằng|sau|với|thuộc)(?!\w)")
# A scope right after its figure: "mức tăng 9,1% của cả nước".
OWN_SCOPE_GAP_RE = re.compile(r"\s*(?:của|ở|tại)\s+")
# What may stand between a province and its figure in a list: "(mới)", "cũ".
POST_MERGER_TAG_RE = re.compile(r"\s*(?:\((?:mới|cũ)\)|cũ|mới)?\s*")
# Clause boundaries; a comma between digits is a decimal mark, not a boundary.
CLAUSE_BREAK_RE = re.compile(r",(?!\d)|[;:()]")
MAJOR_BREAK_RE = re.compile(r"[;:()]")

# What a report says about a figure's value beyond the number (the draft prints it with the number).
# "đạt hơn 24 nghìn ha", "tăng trên 22%"; but "cao hơn 5%", "nhiều hơn 3 dự án" compare, they bound nothing.
LOWER_BOUND_BEFORE_RE = re.compile(r"(?<!\w)(?<!cao )(?<!thấp )(?<!nhiều )(?<!ít )(?<!lớn )(?<!nhỏ )"
                                   r"(?:hơn|trên)\s+$")
# "từ 10% trở lên": both words, else "tăng từ 5% lên 8%" would be a threshold.
AT_LEAST_BEFORE_RE = re.compile(r"(?<!\w)từ\s+$")
AT_LEAST_AFTER_RE = re.compile(r"\s*trở lên(?!\w)")
# "(theo giá so sánh 2010)", "giá so sánh năm 2010", in the figure's clause.
CONSTANT_PRICES_2010_RE = re.compile(r"(?<!\w)giá so sánh(?: năm)? 2010(?!\d)")
# The number at the end of a quote, before its unit ("… đạt hơn 25.310 tỷ đồng").
LAST_NUMBER_RE = re.compile(rf"(?<![\w.,])(?:{NUMBER_PATTERN})(?=\D*$)")
# Where a figure's clause ends after it.
CLAUSE_END_RE = re.compile(r"[;\n]|\.(?:\s|$)")
