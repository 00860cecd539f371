"""Find the periods a report mentions and resolve the period each figure belongs to.

A figure takes the nearest period stated before it in its sentence; failing that, one
stated right after it in its clause; failing that, the last period the report stated
(carried context). Comparison bases ("so với năm 2011", "so với cùng kỳ năm 2012"),
plan horizons ("đến năm 2020"), spans ("2021-2025") and edition names ("phía Bắc năm
2023") are not periods of anything. Vague ones ("những tháng đầu năm 2024", "6 tháng
cuối năm") are resolved to None: the report does not say which months.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from briefgen.domain.period import Period
from briefgen.extract.mentions import Mention, MentionIndex, is_visible
from briefgen.extract.patterns import CLAUSE_BREAK_RE, trie_pattern
from briefgen.extract.text import Sentence, Source

# Quarters in Roman numerals or in words ("quý Ba", "quý tư").
QUARTER_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4}

# Counts of months written in words ("sáu tháng", "chín tháng"); "năm" is left out here: it
# is the year far more often than five (see _FIVE_MONTHS_AFTER).
_MONTH_COUNTS = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
                 "mười": 10, "mười một": 11, "mười hai": 12}
# "năm tháng" is five months only where the months are then placed in a year: "năm tháng đầu
# năm", "năm tháng năm 2022", "năm tháng qua"; elsewhere "năm" is the year ("năm tháng 5" no).
_FIVE_MONTHS_AFTER = r"(?:đầu năm|cuối năm|(?:của )?năm (?:\d{4}|nay)|qua|vừa qua)(?!\w)"
# … or where a total is taken over them: "tính chung năm tháng", "sau năm tháng", "trong năm
# tháng," (but not "trong năm tháng 5": then "năm" is the year and "tháng 5" the month).
_FIVE_MONTHS_BEFORE = r"(?:(?<=chung )|(?<=sau )|(?<=trong ))"
_NOT_A_MONTH_NAME = r"(?! (?:\d|giêng|hai|ba|tư|sáu|bảy|tám|chín|mười|chạp)(?!\w))"
# Month names written in words ("tháng Chín", "tháng Mười").
_MONTH_NAMES = {"giêng": 1, "hai": 2, "ba": 3, "tư": 4, "sáu": 6, "bảy": 7, "tám": 8,
                "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
_WORDS = trie_pattern

PERIOD_RE = re.compile(
    r"(?=[\dncmqtđhbs])(?<!\w)"  # every alternative starts a word with one of these: a cheap test
    r"(?:(?<!\w)(?P<date>ngày \d{1,2}(?: tháng |[/⁄.-])\d{1,2}(?:(?: năm |[/⁄.-])\d{2,4})?)(?!\d)"
    rf"|(?<![\w,.])(?P<n>\d{{1,2}}|{_WORDS(_MONTH_COUNTS)}|năm(?= tháng {_FIVE_MONTHS_AFTER})"
    rf"|{_FIVE_MONTHS_BEFORE}năm(?= tháng(?!\w){_NOT_A_MONTH_NAME})) tháng"
    r"(?: (?P<edge>đầu|cuối))?"
    r"(?: (?:của )?năm)?(?: (?P<ny>\d{4}))?(?!\w)"
    r"|(?<![\w/])(?P<n2>\d{1,2})t/(?P<ny2>\d{4})(?!\w)"  # 9T/2022
    r"|(?<!\w)(?P<half>nửa đầu năm|nửa năm)(?: (?P<hy>\d{4}))?(?!\w)"
    r"|(?<!\w)(?P<whole>cả năm)(?: (?P<wy>\d{4}))?(?!\w)"
    r"|(?<!\w)(?:những|các|mấy) tháng (?:đầu|cuối|còn lại)(?: (?:của )?năm)?(?: (?P<vy>\d{4}))?(?!\w)"
    r"|(?<!\w)quý (?P<q>iv|iii|ii|i|[1-4]|một|hai|ba|bốn|tư)(?:(?: năm |/|-| )(?P<qy>\d{4}))?(?!\w)"
    rf"|(?<!\w)tháng (?P<m>\d{{1,2}}|{_WORDS(_MONTH_NAMES)})(?:(?:/|-| năm )(?P<my>\d{{4}}))?(?![\w/])"
    r"|(?<!\w)năm (?P<y>\d{4})(?!\w)"
    r"|(?<!\w)(?P<now>đến nay|hiện nay|hiện có)(?!\w)"
    r"|(?<!\w)(?P<this>trong tháng|tháng này)(?!\w)(?! \d| (?:đầu|cuối|tới|sau|trước|còn lại)(?!\w))"
    r"|(?<!\w)(?P<same>cùng kỳ)(?: (?:năm )?(?P<sy>\d{4}))?(?!\w))"
)
# Every PERIOD_RE match holds one of these words at most 9 characters after its start ("mười
# một tháng"): only the text around them is scanned, a fraction of a report (see period_matches).
_PERIOD_WORDS = ("tháng", "ngày", "t/", "năm", "nửa", "quý", "nay", "hiện có", "cùng kỳ")
# A match starts at most 16 characters before its word; matching from there reads (lookaheads
# included) fewer than 64 characters on.
_BEFORE_WORD, _READ_AHEAD = 16, 64
# "so với [cùng kỳ] năm 2012": the base of a comparison, when no verb starts a new statement
# between the comparison word and the period.
_BASE_RE = re.compile(r"(?<!\w)(?:so|hơn|cùng kỳ)(?!\w)(?P<gap>[^,;:()]{0,40})$")
# "gấp 1,4 lần năm 2023": the year a multiple is taken of is its base (the decimal comma
# keeps _BASE_RE from reaching back to "gấp").
_TIMES_BASE_RE = re.compile(r"(?<!\w)gấp (?:khoảng |gần |hơn )?[\d.,]+ lần(?: so với| so)?\s*$")
_NEW_STATEMENT_RE = re.compile(r"(?<!mức )(?<!\w)(?:đạt|tăng|giảm)(?!\w)")
# A year after these words is a horizon or a span start, or names an edition of the
# conference ("Hội nghị … phía Bắc năm 2023"), not a period of any figure.
_NOT_A_YEAR_LEAD_RE = re.compile(
    r"(?:(?<!\w)(?:đến|tới|tầm nhìn|từ|giai đoạn)"
    r"|hội nghị[^.;:]{0,90}(?:phía bắc|phía nam|bắc bộ|tdmnbb|lần thứ [ivxlc\d]+))\s*[-–]?\s*$")
_DATE_LEAD_RE = re.compile(r"ngày\s*$")
# "đến [hết] tháng 6 năm 2013" runs through June: the first six months, not June alone.
_THROUGH_LEAD_RE = re.compile(r"(?<!\w)(?:đến|tới|lũy kế) (?:hết |cuối )?$")
_SPAN_AFTER_RE = re.compile(r"\s*[-–]\s*\d{4}")
# "mức tăng 7,2% [đạt được] trong 8 tháng năm 2016": the base's own period, after it.
_OWN_PERIOD_GAP_RE = re.compile(r"\s*(?:(?:đạt được|đạt|ghi nhận|có được)\s+)?(?:của|trong|vào)\s+")
# "Năm 2023, …" opening a paragraph: the year of the paragraph's periods that state none.
_PARAGRAPH_YEAR_RE = re.compile(r"\W*(?:trong |cả )?năm (?P<year>\d{4}),")
# A period right after a figure ("4,8% của 4 tháng năm 2013") is that figure's own and
# sets no context for the figures that follow.
# So does a sub-period singled out with "riêng" or "trong đó": "riêng quý III tăng 10,2%",
# "6 tháng ước tăng 9%, trong đó tháng 6 tăng 10%".
# So does the plan a share is measured against ("hoàn thành 74,7% kế hoạch năm 2023").
_OWN_PERIOD_LEAD_RE = re.compile(r"\d[^,;:()\d]{0,20}\s(?:của|trong|vào)\s+$|(?<!\w)(?:riêng|trong đó,?)\s+$"
                                 r"|\d\s*%\s*(?:so với\s+|của\s+)?(?:kế hoạch|dự toán|chỉ tiêu)\s+$")
# The year of a plan ("kế hoạch kinh phí khuyến công năm 2013") carries within its paragraph only.
_PLAN_LEAD_RE = re.compile(r"(?<!\w)(?:kế hoạch|chỉ tiêu|mục tiêu)[^,.;:()\d]{0,40}$")
_CLAUSE_OR_PAREN_RE = re.compile(r",(?!\d)|[;:()]|\.\s")
_SAME_PERIOD_LEAD_RE = re.compile(r"\s*(?:trong|còn|riêng)?\s*")
_LEAD_WINDOW = 100
_OPENING = 60  # a period this close to the start of its paragraph is the paragraph's period  # how far back the words qualifying a period are looked for


@dataclass(frozen=True)
class PeriodMention(Mention):
    """A stated period; value is the Period or None when the months are not given."""

    year: int | None = None
    partial: bool = False      # a part of a year (months, quarter, month, vague months)
    base: bool = False         # the comparison base, not the figure's period
    now: bool = False          # "đến nay": the report's current period
    this_month: bool = False   # "trong tháng": the report's latest month
    carries: bool = True       # sets the context for later sentences
    opens: bool = False        # stated before its sentence's figures: carries to later paragraphs
    plan: bool = False         # the year of a plan ("kế hoạch năm 2025"): no outcome's period
    paragraph_year: int | None = None  # the year its paragraph opens with ("Năm 2023, …")


def find_period_mentions(source: Source, figure_starts: list[int]) -> MentionIndex[PeriodMention]:
    """Return the period mentions of *source*, with years and "now" resolved."""
    raw = [m for m in (_read_mention(source, match, figure_starts)
                       for match in period_matches(source.folded)) if m]
    return MentionIndex(_resolve_context(raw))


def _word_starts(text: str) -> list[int]:
    """Return where each period word occurs in *text*, in order (str.find: faster than a regex)."""
    starts = []
    for word in _PERIOD_WORDS:
        index = text.find(word)
        while index >= 0:
            starts.append(index)
            index = text.find(word, index + 1)
    return sorted(starts)


def _windows(text: str):
    """Yield the (start, end) spans where a PERIOD_RE match may start, merged, in order.

    A span runs from 16 characters before a period word to just after it; spans closer than
    the read-ahead are merged (the text between would be read anyway).
    """
    start = end = -1
    for word in _word_starts(text):
        if word - _BEFORE_WORD > end + _READ_AHEAD:
            if end >= 0:
                yield start, end
            start = max(0, word - _BEFORE_WORD)
        end = word + 1
    if end >= 0:
        yield start, end


def period_matches(text: str):
    """Yield the matches ``PERIOD_RE.finditer(text)`` yields, scanning only near period words.

    Every match starts inside a span, so none straddles a span's start and the scan of each
    span meets the same matches as the whole scan; each span's scan reads on past its end
    (lookaheads see what they would) and keeps only the matches that start inside it.
    """
    for start, end in _windows(text):
        for match in PERIOD_RE.finditer(text, start, end + _READ_AHEAD):
            if match.start() >= end:
                break
            yield match


def _opens(figure_starts: list[int], sentence: Sentence, start: int) -> bool:
    """Tell whether a period at *start* comes before the first figure of its sentence: then it
    carries to later paragraphs; one stated after a figure stays with that sentence's figures
    ("năm 2022 … đạt 111,2; quý IV/2022 … đạt 106,5")."""
    first = bisect_left(figure_starts, sentence.start)
    return first == len(figure_starts) or figure_starts[first] >= start


def _read_mention(source: Source, match: re.Match, figure_starts: list[int]) -> PeriodMention | None:
    """Return the mention of one regex match, or None when it names no period."""
    if match.group("date"):
        return None
    text, start = source.folded, match.start()
    sentence = source.sentence_at(start)
    lead = text[max(sentence.start, start - _LEAD_WINDOW):start]
    skip_lead = _NOT_A_YEAR_LEAD_RE if match.group("y") else _DATE_LEAD_RE
    if skip_lead.search(lead) or _SPAN_AFTER_RE.match(text, match.end()):
        return None
    plan = bool(_PLAN_LEAD_RE.search(lead))
    if match.group("same"):  # "(cùng kỳ năm 2023 tăng 0,3%)": only as the opening of a clause
        return _same_period(match, lead, sentence.start)
    opening = _PARAGRAPH_YEAR_RE.match(text, sentence.paragraph.start)
    flags = dict(base=_is_base(lead), plan=plan,
                 paragraph_year=int(opening.group("year")) if opening else None,
                 opens=not plan and _opens(figure_starts, sentence, start),
                 carries=not sentence.paragraph.caption and source.paren_at(start) is None
                 and not _OWN_PERIOD_LEAD_RE.search(lead))
    mention = _interpret(match, **flags)
    if match.group("m") and _THROUGH_LEAD_RE.search(lead):
        return replace(mention, value=("n", _MONTH_NAMES.get(match.group("m")) or int(match.group("m"))))
    return mention  # value is a spec here; _resolve_context turns it into a Period


def _same_period(match: re.Match, lead: str, sentence_start: int) -> PeriodMention | None:
    """Return "cùng kỳ [năm Y]" opening a clause as the same months of an earlier year; after
    a comparison word ("so với cùng kỳ", "bằng 96% cùng kỳ") it is no period of any figure."""
    clause = _CLAUSE_OR_PAREN_RE.split(lead)[-1]
    if clause.strip() and not _SAME_PERIOD_LEAD_RE.fullmatch(clause):
        return None
    year = _year(match.group("sy"))
    return PeriodMention(match.start(), match.end(), ("same", 0), year, True, carries=False)


def _is_base(lead: str) -> bool:
    """Tell whether the words before a period make it the base of a comparison."""
    if "lần" in lead and _TIMES_BASE_RE.search(lead):
        return True
    found = _BASE_RE.search(CLAUSE_BREAK_RE.split(lead)[-1])
    return bool(found) and not _NEW_STATEMENT_RE.search(found.group("gap"))


def _interpret(match: re.Match, **flags) -> PeriodMention:
    """Return what the groups of a PERIOD_RE match say, year possibly still unknown."""
    g = match.groupdict()
    if g["n"] or g["n2"]:
        spec, year = _months_spec(_count(g["n"] or g["n2"]), g["edge"]), _year(g["ny"] or g["ny2"])
        partial = spec is None or spec[1] != 12
    elif g["whole"]:
        spec, year, partial = ("n", 12), _year(g["wy"]), False
    elif g["half"]:
        spec, year, partial = ("n", 6), _year(g["hy"]), True
    elif g["q"]:
        spec, year, partial = ("q", QUARTER_NUMBERS.get(g["q"]) or int(g["q"])), _year(g["qy"]), True
    elif g["m"]:
        spec, year, partial = ("m", _MONTH_NAMES.get(g["m"]) or int(g["m"])), _year(g["my"]), True
    elif g["y"]:
        spec, year, partial = ("n", 12), int(g["y"]), False
    else:  # "đến nay", or vague months ("những tháng đầu năm 2024"): the year at most
        spec, year, partial = None, _year(g["vy"]), True
    return PeriodMention(match.start(), match.end(), spec, year, partial,
                         now=bool(g["now"]), this_month=bool(g["this"]), **flags)


def _count(text: str) -> int:
    """Return a count of months written in digits ("06") or in words ("sáu")."""
    return 5 if text == "năm" else _MONTH_COUNTS.get(text) or int(text)


def _months_spec(months: int, edge: str | None) -> tuple[str, int] | None:
    """Return the spec of "N tháng (đầu|cuối) năm": the first N months; the last N are open.

    The first three months are the first quarter ("ba tháng đầu năm" = quý I).
    """
    if edge == "cuối" or not 1 <= months <= 12:
        return None
    return ("q", 1) if months == 3 else ("n", months)


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _resolve_context(mentions: list[PeriodMention]) -> list[PeriodMention]:
    """Build each Period, a missing year taken from earlier mentions; "now" is the latest
    part-year, "trong tháng" the latest month."""
    resolved, latest_partial, latest, current = [], None, None, None
    text_year = next((m.year for m in mentions if m.year and not m.base), None)
    for mention in mentions:
        if mention.value == ("same", 0):  # the current months, a year (or the year given) before
            resolved.append(_same_as(mention, current))
            continue
        year = mention.year or mention.paragraph_year or latest_partial or latest or text_year
        resolved.append(replace(mention, value=_build_period(mention.value, year), year=year))
        if year and mention.value and not (mention.base or mention.plan):
            current = (mention.value, year)
        if year and not (mention.base or mention.plan):  # the year the report is about, so far
            latest = max(latest or year, year)
            latest_partial = max(latest_partial or year, year) if mention.partial else latest_partial
    current, month = _latest_partial(resolved), _latest_month(resolved)
    return [replace(m, value=current) if m.now else replace(m, value=month) if m.this_month else m
            for m in resolved]


def _same_as(mention: PeriodMention, current: tuple | None) -> PeriodMention:
    """Return a "cùng kỳ" mention resolved against the *current* (spec, year) of the text."""
    if current is None:
        return replace(mention, value=None, base=True)
    spec, year = current
    year = mention.year or year - 1
    return replace(mention, value=_build_period(spec, year), year=year)


def _build_period(spec: tuple[str, int] | None, year: int | None) -> Period | None:
    """Return the Period of a spec ("n" first months, "q" quarter, "m" month) in *year*."""
    if spec is None or year is None:
        return None
    kind, number = spec
    if kind == "q":
        return Period(year, quarter=number)
    if kind == "m":
        return Period(year, month=number)
    return Period(year, number)


def _latest_partial(mentions: list[PeriodMention]) -> Period | None:
    """Return the most recent part-year period stated: what "đến nay" refers to."""
    periods = [m.value for m in mentions
               if isinstance(m.value, Period) and m.partial and not m.base]
    return max(periods, key=_end_key, default=None)


def _latest_month(mentions: list[PeriodMention]) -> Period | None:
    """Return the latest single month stated (a title's included): what "trong tháng" means."""
    months = [m.value for m in mentions
              if isinstance(m.value, Period) and m.value.month is not None and not m.base]
    return max(months, key=_end_key, default=None)


def _end_key(period: Period) -> tuple[int, int, int]:
    """Order periods by their last month; on a tie prefer the cumulative form (H1 over M6)."""
    last = period.month or (period.quarter or 0) * 3 or period.months
    return period.year, last, int(period.month is None and period.quarter is None)


def months_reported(index: MentionIndex[PeriodMention]) -> int | None:
    """Return the last month (year × 12 + month) of the part-year periods a report states
    as its own (not bases, not plans): how far its data go. None for a whole-year report."""
    ends = [_last_month(m.value) for m in index.mentions
            if isinstance(m.value, Period) and m.partial and not (m.base or m.plan)]
    return max(ends, default=None)


def _last_month(period: Period) -> int:
    year, last, _ = _end_key(period)
    return year * 12 + last


def reaches_beyond(code_period: Period, reported: int | None, margin: int) -> bool:
    """Tell whether *code_period* ends more than *margin* months after the data reported."""
    return reported is not None and _last_month(code_period) - reported > margin


def _carried(source: Source, index: MentionIndex[PeriodMention],
             sentence: Sentence) -> PeriodMention | None:
    """Return the period carried to a sentence that states none: the last one of its
    paragraph; else, of the periods an earlier paragraph states before its figures, the one
    that ends last, the cumulative one on a tie ("6 tháng đầu năm …; IIP tháng 6 …" → H1)."""
    carries = lambda m: m.carries and not m.base  # noqa: E731
    paragraph = sentence.paragraph.start
    found = index.last_before(sentence.start, paragraph, carries)
    if found is not None:
        return found
    opening = [m for m in index.before(paragraph, 0) if carries(m) and m.opens]
    if not opening:
        return None
    if not isinstance(opening[0].value, Period):
        return opening[0]  # the months were left open
    same = source.sentence_at(opening[0].start).paragraph.start
    candidates = [m for m in opening if m.start >= same and isinstance(m.value, Period)]
    return max(candidates, key=lambda m: _end_key(m.value))


def resolve_period(source: Source, index: MentionIndex[PeriodMention], sentence: Sentence,
                   start: int, end: int, clause_end: int) -> PeriodMention | None:
    """Return the mention giving the period of the figure at [start, end) in *sentence*."""
    usable = lambda m: not m.base and is_visible(source, m, start)  # noqa: E731
    after = next((m for m in index.after(end, clause_end) if not m.base), None)
    if after is not None and _OWN_PERIOD_GAP_RE.fullmatch(source.folded, end, after.start):
        return after  # "mức tăng 4,8% của 4 tháng năm 2013": the figure's own period
    found = index.last_before(start, sentence.start, usable) or after
    if found is None:
        found = _carried(source, index, sentence)
    return found
