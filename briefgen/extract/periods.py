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
from dataclasses import dataclass, replace

from briefgen.domain.period import Period
from briefgen.extract.mentions import Mention, MentionIndex, is_visible
from briefgen.extract.patterns import CLAUSE_BREAK_RE
from briefgen.extract.text import Sentence, Source

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

PERIOD_RE = re.compile(
    r"(?=[\dncmqtđh])"  # every alternative starts with one of these: a cheap first test
    r"(?:(?<!\w)(?P<date>ngày \d{1,2}(?: tháng |[/⁄.-])\d{1,2}(?:(?: năm |[/⁄.-])\d{2,4})?)(?!\d)"
    r"|(?<!\d)(?P<n>\d{1,2}) tháng(?: (?P<edge>đầu|cuối))?(?: (?:của )?năm)?(?: (?P<ny>\d{4}))?(?!\w)"
    r"|(?<![\w/])(?P<n2>\d{1,2})t/(?P<ny2>\d{4})(?!\w)"  # 9T/2022
    r"|(?<!\w)(?:những|các|mấy) tháng (?:đầu|cuối|còn lại)(?: (?:của )?năm)?(?: (?P<vy>\d{4}))?(?!\w)"
    r"|(?<!\w)quý (?P<q>iv|iii|ii|i|[1-4])(?:(?: năm |/| )(?P<qy>\d{4}))?(?!\w)"
    r"|(?<!\w)tháng (?P<m>\d{1,2})(?:(?:/| năm )(?P<my>\d{4}))?(?![\w/])"
    r"|(?<!\w)năm (?P<y>\d{4})(?!\w)"
    r"|(?<!\w)(?P<now>đến nay|hiện nay|hiện có)(?!\w))"
)
# "so với [cùng kỳ] năm 2012": the base of a comparison, when no verb starts a new statement
# between the comparison word and the period.
_BASE_RE = re.compile(r"(?<!\w)(?:so|hơn|cùng kỳ)(?!\w)(?P<gap>[^,;:()]{0,40})$")
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
_LEAD_WINDOW = 100  # how far back the words qualifying a period are looked for


@dataclass(frozen=True)
class PeriodMention(Mention):
    """A stated period; value is the Period or None when the months are not given."""

    year: int | None = None
    partial: bool = False      # a part of a year (months, quarter, month, vague months)
    base: bool = False         # the comparison base, not the figure's period
    now: bool = False          # "đến nay": the report's current period
    carries: bool = True       # sets the context for later sentences


def find_period_mentions(source: Source) -> MentionIndex[PeriodMention]:
    """Return the period mentions of *source*, with years and "now" resolved."""
    raw = [m for m in (_read_mention(source, match) for match in PERIOD_RE.finditer(source.folded)) if m]
    return MentionIndex(_resolve_context(raw))


def _read_mention(source: Source, match: re.Match) -> PeriodMention | None:
    """Return the mention of one regex match, or None when it names no period."""
    if match.group("date"):
        return None
    text, start = source.folded, match.start()
    sentence = source.sentence_at(start)
    lead = text[max(sentence.start, start - _LEAD_WINDOW):start]
    skip_lead = _NOT_A_YEAR_LEAD_RE if match.group("y") else _DATE_LEAD_RE
    if skip_lead.search(lead) or _SPAN_AFTER_RE.match(text, match.end()):
        return None
    flags = dict(base=_is_base(lead),
                 carries=not sentence.paragraph.caption and source.paren_at(start) is None)
    mention = _interpret(match, **flags)
    if match.group("m") and _THROUGH_LEAD_RE.search(lead):
        return replace(mention, value=("n", int(match.group("m"))))
    return mention  # value is a spec here; _resolve_context turns it into a Period


def _is_base(lead: str) -> bool:
    """Tell whether the words before a period make it the base of a comparison."""
    found = _BASE_RE.search(CLAUSE_BREAK_RE.split(lead)[-1])
    return bool(found) and not _NEW_STATEMENT_RE.search(found.group("gap"))


def _interpret(match: re.Match, **flags) -> PeriodMention:
    """Return what the groups of a PERIOD_RE match say, year possibly still unknown."""
    g = match.groupdict()
    if g["n"] or g["n2"]:
        spec, year = _months_spec(int(g["n"] or g["n2"]), g["edge"]), _year(g["ny"] or g["ny2"])
        partial = spec is None or spec[1] != 12
    elif g["q"]:
        spec, year, partial = ("q", _ROMAN.get(g["q"]) or int(g["q"])), _year(g["qy"]), True
    elif g["m"]:
        spec, year, partial = ("m", int(g["m"])), _year(g["my"]), True
    elif g["y"]:
        spec, year, partial = ("n", 12), int(g["y"]), False
    else:  # "đến nay", or vague months ("những tháng đầu năm 2024"): the year at most
        spec, year, partial = None, _year(g["vy"]), True
    return PeriodMention(match.start(), match.end(), spec, year, partial,
                         now=bool(g["now"]), **flags)


def _months_spec(months: int, edge: str | None) -> tuple[str, int] | None:
    """Return the spec of "N tháng (đầu|cuối) năm": the first N months; the last N are open."""
    return None if edge == "cuối" or not 1 <= months <= 12 else ("n", months)


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _resolve_context(mentions: list[PeriodMention]) -> list[PeriodMention]:
    """Build each Period, a missing year taken from earlier mentions; "now" is the latest part-year."""
    resolved, latest_partial, latest = [], None, None
    for mention in mentions:
        year = mention.year or latest_partial or latest
        resolved.append(replace(mention, value=_build_period(mention.value, year), year=year))
        if year and not mention.base:  # the year the report is talking about, so far
            latest = max(latest or year, year)
            latest_partial = max(latest_partial or year, year) if mention.partial else latest_partial
    current = _latest_partial(resolved)
    return [replace(m, value=current) if m.now else m for m in resolved]


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


def _end_key(period: Period) -> tuple[int, int, int]:
    """Order periods by their last month; on a tie prefer the cumulative form (H1 over M6)."""
    last = period.month or (period.quarter or 0) * 3 or period.months
    return period.year, last, int(period.month is None and period.quarter is None)


def resolve_period(source: Source, index: MentionIndex[PeriodMention], sentence: Sentence,
                   start: int, end: int, clause_end: int) -> PeriodMention | None:
    """Return the mention giving the period of the figure at [start, end) in *sentence*."""
    usable = lambda m: not m.base and is_visible(source, m, start)  # noqa: E731
    found = index.last_before(start, sentence.start, usable)
    if found is None:
        found = next((m for m in index.after(end, clause_end) if not m.base), None)
    if found is None:
        found = index.last_before(sentence.start, 0, lambda m: m.carries and not m.base)
    return found
