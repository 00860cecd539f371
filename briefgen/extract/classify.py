"""Decide which indicator a figure reports, from its unit, its verb and its topic.

The topic is the nearest subject phrase before the figure (chỉ số sản xuất công nghiệp,
tổng mức bán lẻ, kim ngạch xuất khẩu, …); the verb is the last one between the previous
figure and this one (tăng/giảm: a growth; chiếm: a share; bằng: an index level; đạt: a
level). Only a level of money or a growth rate under one of the headline topics is a core
indicator; everything else economic is ``other``.
"""

from __future__ import annotations

import re

from briefgen.domain.indicators import GROWTH, IIP, INDUSTRY, MONEY, OTHER, PROVINCES_COUNT, RATIO, \
    read_in_reports
from briefgen.extract.mentions import Mention, MentionIndex, is_visible
from briefgen.extract.patterns import ANAPHOR_RE, CONTRIBUTION_BEFORE_RE, INDEX_OTHER, INDEX_REFERENCE, \
    INDEX_REFERENCE_RE, MAJOR_BREAK_RE, PART_BEFORE_RE, PER_UNIT_RE, SIGN_BEFORE_RE, TOPIC_RE, \
    TOPICS, VERB_RE
from briefgen.extract.scopes import PROVINCE_RE
from briefgen.extract.text import Paragraph, Sentence, Source

# A paragraph that opens with a province and its change, "Đắk Nông (-7,5%), …", "Nhẹ hơn,
# Kon Tum giảm 4,1%": the list of the paragraph before goes on (its indicator carries over).
_LIST_GOES_ON_RE = re.compile(
    r"\W*(?:[^\W\d][^,.;:()\d\n]{0,30},\s*)?(?:tỉnh\s+|thành phố\s+|tp\.?\s*)?(?:"
    + PROVINCE_RE.pattern + r")\s*(?:\(\s*[+\-−–]?\s*\d|(?:cùng\s+)?(?:tăng|giảm)(?!\w))")

# (topic, what the figure is) -> indicator, from the registry; anything absent is OTHER.
_BY_TOPIC = read_in_reports()
# The indicators ``briefgen extract`` reports (in the order of its scores); the rest is OTHER.
CORE_INDICATORS = tuple(dict.fromkeys(_BY_TOPIC.values())) + (PROVINCES_COUNT,)
INDICATORS = CORE_INDICATORS + (OTHER,)
_PART_REACH = 60  # how far back a group of goods may qualify a topic
_PARTS = ("nhóm", "hàng", "lượng", "gạo", "điều", "cà phê", "may", "giày", "rau", "sản")  # of PART_BEFORE_RE, a cheap test
_CONTRIBUTION_REACH = 24
_INDICES = (IIP, INDUSTRY, INDEX_OTHER)  # what a bare "chỉ số" may refer back to
GROWTH_VERBS = {"tăng", "giảm", "tăng trưởng", "âm", "cao hơn", "thấp hơn"}
_DECREASE_VERBS = {"giảm", "âm", "thấp hơn"}
_COMPARATIVES = {"cao hơn", "thấp hơn"}
_SHARE_VERBS = {"chiếm", "tỷ trọng", "tỉ trọng", "tỷ lệ", "tỉ lệ", "lấp đầy", "bằng", "gấp"}
# Verbs that say the same as a plainer one: "nhích lên 1,2%" is a (small) rise.
_SYNONYMS = {"nhích": "tăng", "nhích lên": "tăng", "nhích nhẹ": "tăng"}
_CHANGE_VERBS = {"tăng", "giảm", "cao hơn", "thấp hơn", "nhiều hơn", "ít hơn"}  # before an amount of money: a change, not a level


def find_topic_mentions(source: Source,
                        names: MentionIndex[Mention] | None = None) -> MentionIndex[Mention]:
    """Return the topic phrases of *source*; value is the topic key.

    A phrase inside one of the place *names* is part of the name, not a topic: "điện" of
    "Điện Biên"; beside a name it stays one ("Nhiệt điện Quảng Ninh"). A bare
    "chỉ số" that refers back takes the topic of the last index named before it.
    """
    text, names = source.folded, names or MentionIndex([])
    named = [Mention(m.start(), m.end(), _topic_of(text, m)) for m in TOPIC_RE.finditer(text)
             if not _is_contributed_to(text, m.start()) and not names.covering(m.start(), m.end())]
    references = [Mention(m.start(), m.end(), INDEX_REFERENCE)
                  for m in INDEX_REFERENCE_RE.finditer(text)]
    anaphors = [Mention(m.start(), m.end(), None) for m in ANAPHOR_RE.finditer(text)]
    if not references and not anaphors:
        return MentionIndex(named)
    index = MentionIndex(named)
    referred = [m for m in (_referred(index, r) for r in references) if m is not None]
    referred += [m for m in (_referred(index, a, _any_topic) for a in anaphors) if m is not None]
    return MentionIndex(sorted(named + referred, key=lambda m: m.start))


def _topic_of(text: str, match) -> str:
    """Return the topic a TOPIC_RE match names; a headline topic that qualifies a group of
    goods ("nhóm hàng chế biến xuất khẩu", "mặt hàng … xuất khẩu") names a part: OTHER."""
    topic, floor = TOPICS[match.group()], max(0, match.start() - _PART_REACH)
    if topic == OTHER or not any(text.find(word, floor, match.start()) >= 0 for word in _PARTS):
        return topic  # the cheap test first: no group of goods nearby
    part = PART_BEFORE_RE.search(text, floor, match.start())
    return OTHER if part and not VERB_RE.search(part.group("gap")) else topic


def _is_contributed_to(text: str, start: int) -> bool:
    """Tell whether a topic at *start* is the object of "góp phần …", "đóng góp …"."""
    floor = max(0, start - _CONTRIBUTION_REACH)
    return text.find("góp", floor, start) >= 0 and \
        CONTRIBUTION_BEFORE_RE.search(text, floor, start) is not None


def _is_index(mention: Mention) -> bool:
    return mention.value in _INDICES


def _any_topic(mention: Mention) -> bool:
    return True


def _referred(index: MentionIndex[Mention], reference: Mention,
              refers_to=_is_index) -> Mention | None:
    """Return *reference* with the topic of the last topic before it that it may refer to
    (an index for a bare "chỉ số"; any topic for "chỉ tiêu này"), or None."""
    found = index.last_before(reference.start, 0, refers_to)
    return Mention(reference.start, reference.end, found.value) if found else None


def find_topic(source: Source, index: MentionIndex[Mention], sentence: Sentence,
               start: int) -> str | None:
    """Return the topic of the figure at *start*: this sentence's, else the paragraph's."""
    found = index.last_before(start, sentence.start, lambda m: is_visible(source, m, start))
    outside = lambda m: source.paren_at(m.start) is None  # noqa: E731
    if found is None:
        found = index.last_before(sentence.start, sentence.paragraph.start, outside)
    if found is None:
        before = _list_goes_on_from(source, sentence.paragraph)
        found = before and index.last_before(before.end, before.start, outside)
    return found.value if found else None


def _list_goes_on_from(source: Source, paragraph: Paragraph) -> Paragraph | None:
    """Return the paragraph before *paragraph* when *paragraph* goes on with its list."""
    if paragraph.start == 0 or not _LIST_GOES_ON_RE.match(source.folded, paragraph.start):
        return None
    before = source.sentence_at(paragraph.start - 1).paragraph
    return None if before.caption else before


def find_verb(lead: str, growth: bool = False) -> str | None:
    """Return the last verb of *lead*, the words between the previous figure and this one.

    With *growth*, only growth verbs count. A sign in parentheses is a verb ("(+21,67%)" rose, "(-0,4%)" fell); in "thấp hơn tháng
    2/2022 là 13,2%" the comparative, not "là", says what the figure is.
    """
    sign = SIGN_BEFORE_RE.search(lead)
    if sign:
        return "tăng" if (sign.group("sign") or sign.group("stuck")) == "+" else "giảm"
    verbs = [_SYNONYMS.get(v, v) for v in VERB_RE.findall(lead)]
    if growth:  # the verb a list of figures inherits: the last growth verb
        verbs = [v for v in verbs if v in GROWTH_VERBS]
    if len(verbs) > 1 and verbs[-1] == "là" and verbs[-2] in GROWTH_VERBS:  # "mức tăng là 23,84%"
        return verbs[-2]
    return verbs[-1] if verbs else None


def classify(kind: str, verb: str | None, topic: str | None, lead: str, plan_share: bool,
             year_on_year: bool = False) -> str:
    """Return the indicator of a figure of unit *kind* introduced by *verb* under *topic*;
    *year_on_year* says the words after it compare with the same period last year."""
    if kind == "provinces":
        return PROVINCES_COUNT
    if kind == "multiple" and verb == "gấp" and year_on_year:
        return _BY_TOPIC.get((topic, RATIO), OTHER)
    role = _role(kind, verb, lead, plan_share)
    return _BY_TOPIC.get((topic, role), OTHER)


def _role(kind: str, verb: str | None, lead: str, plan_share: bool) -> str | None:
    """Return GROWTH, MONEY (a level of money) or None for what the figure is."""
    if kind == "percent":
        if plan_share or verb in _SHARE_VERBS:
            return None
        return GROWTH if verb in GROWTH_VERBS else None
    if kind == "money":
        if verb in _CHANGE_VERBS or PER_UNIT_RE.search(MAJOR_BREAK_RE.split(lead)[-1]):
            return None
        return MONEY
    return None


def sign_of(verb: str | None) -> int:
    """Return -1 when *verb* says a decrease."""
    return -1 if verb in _DECREASE_VERBS else 1
