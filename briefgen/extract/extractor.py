"""Turn the text of a report into figures: tokenise, then resolve each quantity in context."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from briefgen.extract.classify import GROWTH_VERBS, OTHER, PROVINCES_COUNT, classify, find_topic, find_topic_mentions, \
    find_verb, sign_of
from briefgen.extract.mentions import Mention, MentionIndex, is_visible
from briefgen.extract.model import Figure
from briefgen.extract.patterns import BARE_PAREN_BEFORE_RE, CLAUSE_BREAK_RE, ESTIMATE_RE, MAJOR_BREAK_RE, \
    COMPARED_WITH_RE, FORECAST_RE, MONTH_BASE_RE, QUARTER_BASE_RE, POST_MERGER_TAG_RE, SHARED_VERB_LEAD_RE, OUTCOME_RE, STATEMENT_BREAK_RE, PREVIOUS_PERIOD_BASE_RE, YEAR_ON_YEAR_AFTER_RE, \
    PLAN_AFTER_RE, PLAN_BEFORE_PAREN_RE, PLAN_OPENS_PAREN_RE, RANGE_AFTER_RE, RANGE_BEFORE_RE, SUBSET_RE, TARGET_RE, THRESHOLD_BEFORE_RE
from briefgen.extract.periods import QUARTER_NUMBERS, PeriodMention, find_period_mentions, months_reported, \
    reaches_beyond, resolve_period
from briefgen.extract.quantities import Quantity, find_quantities
from briefgen.extract.scopes import LISTED_NAME_RE, NAMED_WITH_RE, NATIONAL, REGION, find_scope_mentions, \
    province_names, resolve_scopes
from briefgen.domain.period import Period
from briefgen.extract.subject import find_subject
from briefgen.extract.text import Sentence, Source

_QUOTE_MAX = 160
_QUOTE_TRIM_RE = re.compile(r"[\s,]*(?:và\s+)?")
_FOLLOWERS = ("physical", "count", "multiple")  # a growth right after these is about them
_MAJOR_BREAKS = ";:()"
_NATIONAL_DENOMINATORS = ("/63", "/34")
_MONTH_CODE_RE = re.compile(r"M(\d{1,2})-\d{4}")
_QUARTER_CODE_RE = re.compile(r"Q(\d)-\d{4}")
_CONTEXT = 300
_RESPECTIVELY = "lần lượt"
_FORECAST_MARGIN = 2  # months: "dự kiến" for a period ending this much after the data is a forecast  # how far back a figure alone in parentheses looks for the verb of its list


@dataclass(frozen=True)
class Neighbourhood:
    """A quantity with what surrounds it in its sentence."""

    quantity: Quantity
    sentence: Sentence
    previous: Quantity | None   # the previous quantity in the same sentence
    next_start: int             # where the next quantity (or the sentence) begins

    @property
    def lead_start(self) -> int:
        """Return where the words introducing this quantity begin."""
        return self.previous.end if self.previous else self.sentence.start


class Extractor:
    """The indexes of one report, and the rules that turn its quantities into figures."""

    def __init__(self, source: Source):
        self.source = source
        self.quantities = find_quantities(source)
        self._quantity_starts = [q.start for q in self.quantities]
        self.periods = find_period_mentions(source, self._quantity_starts)
        self.scopes = find_scope_mentions(source)
        self.topics = find_topic_mentions(source, province_names(self.scopes))
        self.estimates = _find_markers(source, ESTIMATE_RE)
        self.targets = _find_markers(source, TARGET_RE)
        self.subsets = _find_markers(source, SUBSET_RE)
        self.subject = find_subject(source)
        self.forecasts = _find_markers(source, FORECAST_RE)
        self._months_reported = months_reported(self.periods)
        self._first_retail_total = next((m.start for m in self.topics.mentions
                                         if m.value == "retail"), len(source.folded))

    def extract(self) -> list[Figure]:
        """Return the figures of the report, in reading order."""
        figures: list[Figure] = []
        quantities = self.quantities
        for near in self._neighbourhoods(quantities):
            if not self._is_dropped(near):
                figures.extend(self._figures_of(near))
        return figures

    def _neighbourhoods(self, quantities: list[Quantity]):
        """Yield each quantity with its sentence and neighbours."""
        for i, quantity in enumerate(quantities):
            sentence = self.source.sentence_at(quantity.start)
            previous = quantities[i - 1] if i and quantities[i - 1].start >= sentence.start else None
            following = quantities[i + 1].start if i + 1 < len(quantities) else sentence.end
            yield Neighbourhood(quantity, sentence, previous, min(following, sentence.end))

    def _is_dropped(self, near: Neighbourhood) -> bool:
        """Tell whether a quantity is a target, a range or a threshold rather than a result."""
        q, text = near.quantity, self.source.folded
        if (q.high is None and RANGE_BEFORE_RE.search(text, max(0, q.start - 8), q.start)) or \
                RANGE_AFTER_RE.match(text, q.end):
            return True
        if self._is_target(near):
            return True
        return q.kind == "percent" and self._is_threshold(near)

    def _is_threshold(self, near: Neighbourhood) -> bool:
        """Tell whether "trên 10%" qualifies a count of provinces ("18/28 tỉnh tăng trên 10%")."""
        q, text = near.quantity, self.source.folded
        if not THRESHOLD_BEFORE_RE.search(text, near.lead_start, q.start):
            return False
        clause_start = self._major_clause_start(near)
        if near.previous and near.previous.kind == "provinces" and near.previous.start >= clause_start:
            return True
        subset = self.subsets.last_before(q.start, near.lead_start)
        return subset is not None and self.scopes.last_before(q.start, subset.end) is None

    def _major_clause_start(self, near: Neighbourhood) -> int:
        """Return where the quantity's clause (between ; : and parentheses) begins."""
        return self._after_last_break(near.sentence.start, near.quantity.start)

    def _after_last_break(self, start: int, end: int) -> int:
        """Return the position after the last ; : ( ) in [start, end), else *start*."""
        text = self.source.folded
        return max([start] + [text.rfind(char, start, end) + 1 for char in _MAJOR_BREAKS])

    def _marked(self, markers: MentionIndex[Mention], near: Neighbourhood,
                floor: int | None = None) -> bool:
        """Tell whether a visible marker precedes the quantity in its sentence (after *floor*)."""
        q = near.quantity
        visible = lambda m: is_visible(self.source, m, q.start)  # noqa: E731
        return markers.last_before(q.start, floor or near.sentence.start, visible) is not None

    def _is_target(self, near: Neighbourhood) -> bool:
        """Tell whether a target word governs the quantity: through its sentence, unless a
        later clause states an outcome ("chỉ tiêu giao tăng 9-10%; ước thực hiện tăng 11,2%")."""
        text, q = self.source.folded, near.quantity
        if self._is_plan_in_parentheses(q):
            return True
        semicolon = text.rfind(";", near.sentence.start, q.start)
        if semicolon >= 0 and OUTCOME_RE.search(text, semicolon, q.start):
            return self._marked(self.targets, near, semicolon + 1)
        return self._marked(self.targets, near)

    def _is_plan_in_parentheses(self, q: Quantity) -> bool:
        """Tell whether the figure in parentheses gives a plan: the one just named ("đạt 74,3%
        kế hoạch năm (15.000 tỷ đồng)", "so với kế hoạch năm (38.000)"), or one the
        parenthesis opens with ("tăng 11% (kế hoạch tăng 10%)", "(KH: 48.000 tỷ đồng)")."""
        paren, text = self.source.paren_at(q.start), self.source.folded
        if paren is None:
            return False
        return PLAN_OPENS_PAREN_RE.match(text, paren.start) is not None or \
            PLAN_BEFORE_PAREN_RE.search(text, max(0, paren.start - 40), paren.start + 1) is not None

    def _figures_of(self, near: Neighbourhood) -> list[Figure]:
        """Return the figure(s) a kept quantity states: one per scope it applies to."""
        q, source = near.quantity, self.source
        indicator, verb = self._indicator(near)
        period, open_year = self._period(near)
        if self._is_forecast(near):
            return []
        if indicator != OTHER and verb in GROWTH_VERBS and \
                self._against_other_month(near, verb, period):
            indicator = OTHER
        scopes = [self._count_scope(q)] if indicator == PROVINCES_COUNT else \
            resolve_scopes(source, self.scopes, near.sentence, (q.start, q.end), self._is_claimed,
                           self.subject)
        if len(scopes) > 1:
            scopes = self._respectively(near, scopes)
        sign = sign_of(verb) if q.kind != "provinces" else 1
        value, high = q.value * sign, (q.high * sign if q.high is not None else None)
        quote, start = source.quote(self._quote_start(near), q.end)
        estimate = self._marked(self.estimates, near)
        return [Figure(source.name, indicator, period, scope, value, q.unit, estimate, quote, start,
                       open_year, high) for scope in scopes]

    def _respectively(self, near: Neighbourhood, scopes: list[str]) -> list[str]:
        """Return the one scope of a figure after "lần lượt" ("Đồng Nai và Bình Dương lần
        lượt giảm 3,3% và 2,6%"): the i-th figure of the run takes the i-th listed scope,
        when the run has as many figures as the list has scopes; else *scopes* unchanged."""
        q, text = near.quantity, self.source.folded
        at = text.rfind(_RESPECTIVELY, near.sentence.start, q.start)
        if at < 0 or self.scopes.last_before(q.start, at) is not None:
            return scopes
        end = MAJOR_BREAK_RE.search(text, at, near.sentence.end)
        first = bisect_left(self._quantity_starts, at)
        last = bisect_left(self._quantity_starts, end.start() if end else near.sentence.end)
        rank = bisect_left(self._quantity_starts, q.start) - first
        return [scopes[rank]] if last - first == len(scopes) else scopes

    def _count_scope(self, q: Quantity) -> str:
        """Return the scope of a count of provinces: out of the nation's 63 or 34, or without a
        denominator in a national report, the nation; else the group the report is about."""
        if q.unit in _NATIONAL_DENOMINATORS or (q.unit == "tỉnh" and self.subject == NATIONAL):
            return NATIONAL
        return REGION

    def _is_claimed(self, mention: Mention) -> bool:
        """Tell whether a figure follows *mention* in its sentence (so it is that figure's scope)."""
        following = bisect_left(self._quantity_starts, mention.end)
        return following < len(self._quantity_starts) and \
            self._quantity_starts[following] < self.source.sentence_at(mention.start).end

    def _indicator(self, near: Neighbourhood) -> tuple[str, str | None]:
        """Return the indicator of the quantity and the verb that introduced it."""
        q, text = near.quantity, self.source.folded
        lead = text[near.lead_start:q.start]
        verb = find_verb(lead)
        shares_verb = (verb is None and (LISTED_NAME_RE.fullmatch(lead) or
                                         SHARED_VERB_LEAD_RE.fullmatch(lead))) or \
            (lead.endswith("với ") and NAMED_WITH_RE.search(lead[-60:]) is not None)
        if shares_verb or self._after_a_name_in_parentheses(near):
            verb = find_verb(text[max(near.sentence.start, q.start - _CONTEXT):q.start], growth=True)
        topic = find_topic(self.source, self.topics, near.sentence, q.start)
        if verb in GROWTH_VERBS and self._against_previous_period(near, lead, verb):
            topic = "other"
        previous = near.previous
        if topic == "retail_goods":
            topic = "other" if self._retail_total_before(q.start) else "retail"
        if previous and previous.kind in _FOLLOWERS and previous.start >= self._major_clause_start(near):
            topic = "other"
        plan_share = bool(PLAN_AFTER_RE.match(text, q.end))
        year_on_year = bool(YEAR_ON_YEAR_AFTER_RE.match(text, q.end))
        return classify(q.kind, verb, topic, lead, plan_share, year_on_year), verb

    def _after_a_name_in_parentheses(self, near: Neighbourhood) -> bool:
        """Tell whether the figure stands alone in parentheses right after a scope's name,
        "Bà Rịa-Vũng Tàu (47,14%)", "Phú Thọ (mới) (27,4%)": it takes its list's growth verb."""
        q, text = near.quantity, self.source.folded
        if not BARE_PAREN_BEFORE_RE.search(text, max(near.lead_start, q.start - 8), q.start):
            return False
        paren = text.rfind("(", 0, q.start)
        named = self.scopes.last_before(paren, near.sentence.start)
        return named is not None and POST_MERGER_TAG_RE.fullmatch(text, named.end, paren) is not None

    def _against_previous_period(self, near: Neighbourhood, lead: str, verb: str) -> bool:
        """Tell whether a change is month on month or quarter on quarter ("cao hơn tháng
        trước 1,8%", "tăng 3,5% so với quý I"): those are not the year-on-year indicators."""
        words, trailing = self._comparison_words(near, lead, verb)
        return bool(PREVIOUS_PERIOD_BASE_RE.search(words) or PREVIOUS_PERIOD_BASE_RE.match(trailing))

    def _against_other_month(self, near: Neighbourhood, verb: str, period: str) -> bool:
        """Tell whether a month's (a quarter's) change is measured against another month
        (quarter): "tháng 9/2023 … so với tháng 8/2023 tăng 3,32%", "quý II/2024 tăng 4% so
        quý I/2024"; against the same month or quarter a year before it is y/y."""
        own = _MONTH_CODE_RE.fullmatch(period) or _QUARTER_CODE_RE.fullmatch(period)
        if own is None:
            return False
        pattern = MONTH_BASE_RE if period.startswith("M") else QUARTER_BASE_RE
        lead = self.source.folded[near.lead_start:near.quantity.start]
        words, trailing = self._comparison_words(near, lead, verb)
        base = pattern.search(words) or pattern.match(trailing)
        return base is not None and _ordinal(base.group(1)) != int(own.group(1))

    def _comparison_words(self, near: Neighbourhood, lead: str, verb: str) -> tuple[str, str]:
        """Return the words that may name the base of a change: from the start of the figure's
        own statement ("và so với tháng 8/2023 tăng") to the figure; and after the figure in
        its clause ("tăng 2,1% so với tháng trước")."""
        q, text = near.quantity, self.source.folded
        clause_break = CLAUSE_BREAK_RE.search(text, q.end, near.next_start)
        at_verb = lead.rfind(verb)
        at_verb = len(lead) if at_verb < 0 else at_verb  # a sign, "quý III +11,4", is no word
        before = STATEMENT_BREAK_RE.split(MAJOR_BREAK_RE.split(lead[:at_verb])[-1])[-1]
        compared = COMPARED_WITH_RE.search(before)  # "so với tháng 8/2023 tăng": base first
        own = (before[compared.start():] if compared else "") + lead[at_verb:]
        return own, text[q.end:clause_break.start() if clause_break else near.next_start]

    def _retail_total_before(self, position: int) -> bool:
        """Tell whether the report stated a retail total (with services) before *position*:
        then goods-only retail ("doanh thu bán lẻ hàng hóa") is a part of it."""
        return self._first_retail_total < position

    def _period_mention(self, near: Neighbourhood) -> PeriodMention | None:
        """Return the period mention that gives the quantity its period, or None."""
        q, text = near.quantity, self.source.folded
        clause_break = CLAUSE_BREAK_RE.search(text, q.end, near.next_start)
        clause_end = clause_break.start() if clause_break else near.next_start
        return resolve_period(self.source, self.periods, near.sentence, q.start, q.end, clause_end)

    def _is_forecast(self, near: Neighbourhood) -> bool:
        """Tell whether "dự kiến" governs a figure of a period that ends months after the data
        of the report ("dự kiến cả năm 2022 … tăng 9-10%" in a half-year report): a forecast.
        At a year's end ("dự kiến cả năm tăng trên 11%" in an 11-month review) it is an estimate."""
        if not self._marked(self.forecasts, near):
            return False
        found = self._period_mention(near)
        return found is not None and isinstance(found.value, Period) and \
            reaches_beyond(found.value, self._months_reported, _FORECAST_MARGIN)

    def _period(self, near: Neighbourhood) -> tuple[str, int | None]:
        """Return the period code of the quantity, or "" and the year when months are left open."""
        found = self._period_mention(near)
        if found is None:
            return "", None
        return (found.value.code, None) if found.value else ("", found.year)

    def _quote_start(self, near: Neighbourhood) -> int:
        """Return where the quote of a quantity begins: at its clause, at most _QUOTE_MAX long."""
        q, text = near.quantity, self.source.folded
        start = self._after_last_break(near.lead_start, q.start)
        if q.end - start > _QUOTE_MAX:
            commas = [m.end() for m in CLAUSE_BREAK_RE.finditer(text, start, q.start)
                      if q.end - m.end() <= _QUOTE_MAX]
            start = commas[0] if commas else text.find(" ", q.end - _QUOTE_MAX, q.start) + 1
        return _QUOTE_TRIM_RE.match(text, start).end()


def _ordinal(text: str) -> int:
    """Return a month or quarter number written in digits or Roman numerals."""
    return QUARTER_NUMBERS.get(text) or int(text)


def _find_markers(source: Source, pattern: re.Pattern) -> MentionIndex[Mention]:
    return MentionIndex([Mention(m.start(), m.end()) for m in pattern.finditer(source.folded)])


def extract_text(text: str, name: str) -> list[Figure]:
    """Return the figures stated in *text*, a report whose file is called *name*."""
    return Extractor(Source(name, text)).extract()
