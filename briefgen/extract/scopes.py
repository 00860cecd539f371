"""Find where a figure applies: a province, the whole country, or the report's region.

Provinces are matched with their diacritics, in any case once one syllable has a capital
("Hải phòng" and "trà Vinh" are provinces, "hòa bình" is peace) and with either tone placement
("Thanh Hoá" is Thanh Hóa). A scope written after a comparison word ("cao hơn mức tăng
của cả nước", "chiếm 5,16% cả nước") is a point of reference, not the figure's scope.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from briefgen.extract.mentions import Mention, MentionIndex, is_visible
from briefgen.extract.patterns import CLAUSE_BREAK_RE, NATIONAL_RE, OWN_SCOPE_GAP_RE, \
    POST_MERGER_TAG_RE, PROVINCE_REFERENCE_RE, REFERENCE_RE, REGION_RE, \
    trie_pattern
from briefgen.extract.text import Sentence, Source, fold

REGION = "region"
NATIONAL = "national"

# The 63 provinces and cities before 1/7/2025 (the 34 units after the merger keep one of
# these names, Huế apart).
PROVINCES = (
    "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ",
    "Hà Giang", "Cao Bằng", "Bắc Kạn", "Tuyên Quang", "Lào Cai", "Yên Bái", "Thái Nguyên",
    "Lạng Sơn", "Bắc Giang", "Phú Thọ", "Điện Biên", "Lai Châu", "Sơn La", "Hòa Bình",
    "Quảng Ninh", "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Hà Nam",
    "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị",
    "Thừa Thiên Huế", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa",
    "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng",
    "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Bà Rịa - Vũng Tàu", "Long An",
    "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang",
    "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
    "Huế",  # the city's name since 2025 (Thừa Thiên Huế before)
)
ALIASES = {"Bắc Cạn": "Bắc Kạn", "Đắc Lắc": "Đắk Lắk", "Đắk Lắc": "Đắk Lắk",
           "TP.HCM": "Hồ Chí Minh", "TPHCM": "Hồ Chí Minh", "TP HCM": "Hồ Chí Minh"}
_NAMES = {fold(name): name for name in PROVINCES} | {fold(a): n for a, n in ALIASES.items()}


PROVINCE_RE = re.compile(
    r"(?<!\w)(?:" + trie_pattern(_NAMES).replace(r"\ \-\ ", r"\s*[-–]\s*")  # Bà Rịa - Vũng Tàu
    + r")(?!\w)(?! dương)")  # Thái Bình Dương is the Pacific
# The words before a figure that only name its province in a list: ", Vĩnh Long 28,9%".
LISTED_NAME_RE = re.compile(r"[\s,;]*(?:và\s+)?(?:(?:tỉnh|thành phố|tp\.?)\s+)?(?:"
                            + PROVINCE_RE.pattern + r")\s*(?:\((?:mới|cũ)\))?\s*")
# A province then its figure with "với", no verb: "xếp sau là Thái Nguyên với 18,1%". The
# figure is the province's own, and takes the verb of its list.
NAMED_WITH_RE = re.compile(r"(?:" + PROVINCE_RE.pattern + r")\s*(?:\((?:mới|cũ)\))?\s+với\s+$")
_WITH_GAP_RE = re.compile(r"\s*(?:\((?:mới|cũ)\))?\s+với\s+")
_CLAUSE_OR_SENTENCE_RE = re.compile(CLAUSE_BREAK_RE.pattern + r"|\.\s")
_DASH_RE = re.compile(r"\s*[-–]\s*")
_LIST_JOIN_RE = re.compile(r"\s*(?:,|và|[-–])\s*")


@dataclass(frozen=True)
class ScopeMention(Mention):
    """A scope named in the text; value is the scope string."""

    reference: bool = False          # a point of comparison, not a subject
    listed_after: int | None = None  # index of the province it follows in a list
    listed: bool = False             # part of a list of provinces


def find_scope_mentions(source: Source) -> MentionIndex[ScopeMention]:
    """Return the scope mentions of *source* in order, lists and references marked."""
    found = sorted(_find_provinces(source) + _find_named(source, NATIONAL_RE, NATIONAL)
                   + _find_named(source, REGION_RE, REGION), key=lambda m: m.start)
    return MentionIndex(_mark_lists(source.folded, found))


def province_names(index: MentionIndex[ScopeMention]) -> MentionIndex[ScopeMention]:
    """Return the provinces' names among the scope mentions of *index* (no nation, no region)."""
    return MentionIndex([m for m in index.mentions if _is_province(m)])


def _find_provinces(source: Source) -> list[ScopeMention]:
    return [ScopeMention(m.start(), m.end(), name,
                         _is_reference(source.folded, m.start(), PROVINCE_REFERENCE_RE))
            for m in PROVINCE_RE.finditer(source.folded) if (name := province_of(source, m))]


def province_of(source: Source, match: re.Match) -> str | None:
    """Return the province a PROVINCE_RE match names, or None for a common word ("hòa bình").

    A name is written with a capital on some syllable: "Hải phòng", and "trà Vinh" (a slip of
    the first letter) still name provinces.
    """
    original, _ = source.quote(match.start(), match.end())
    if not any(word[:1].isupper() for word in original.split()):
        return None
    return _NAMES[_canonical_key(match.group())]


def _canonical_key(matched: str) -> str:
    if "-" not in matched and "–" not in matched:  # all names but Bà Rịa - Vũng Tàu
        return matched
    return _DASH_RE.sub(" - ", matched)


def _find_named(source: Source, pattern: re.Pattern, scope: str) -> list[ScopeMention]:
    return [ScopeMention(m.start(), m.end(), scope, _is_reference(source.folded, m.start()))
            for m in pattern.finditer(source.folded)]


def _is_reference(text: str, start: int, words: re.Pattern = REFERENCE_RE) -> bool:
    """Tell whether a comparison word precedes *start* in its clause."""
    lead = text[max(0, start - 60):start]
    clause = _CLAUSE_OR_SENTENCE_RE.split(lead)[-1]
    return bool(words.search(clause))


def _mark_lists(text: str, mentions: list[ScopeMention]) -> list[ScopeMention]:
    """Mark provinces written as a list ("Yên Bái, Thái Nguyên")."""
    marked = list(mentions)
    for i in range(1, len(marked)):
        before, here = marked[i - 1], marked[i]
        if _is_province(before) and _is_province(here) and \
                _LIST_JOIN_RE.fullmatch(text, before.end, here.start):
            marked[i] = ScopeMention(here.start, here.end, here.value, here.reference, i - 1, True)
            marked[i - 1] = ScopeMention(before.start, before.end, before.value, before.reference,
                                         before.listed_after, True)
    return marked


def _is_province(mention: ScopeMention) -> bool:
    return mention.value not in (REGION, NATIONAL)


def resolve_scopes(source: Source, index: MentionIndex[ScopeMention], sentence: Sentence,
                   span: tuple[int, int], claimed: Callable[[ScopeMention], bool],
                   subject: str) -> list[str]:
    """Return the scope(s) of the figure at *start*: several when it follows a list.

    Failing a scope in its sentence, a figure takes the paragraph's topic: the last province
    named in an earlier sentence that no figure of that sentence has *claimed* ("Quảng Ninh là
    … . Cơ cấu kinh tế … chiếm 49,1%"), else the report's *subject* (a passing "cả nước" or
    "trong khu vực" is a comparison, not a new topic).
    """
    start, end = span
    own = next(index.after(end, sentence.end), None)
    if own is not None and OWN_SCOPE_GAP_RE.fullmatch(source.folded, end, own.start):
        return [own.value]
    named = index.last_before(start, sentence.start)
    if named is not None and _WITH_GAP_RE.fullmatch(source.folded, named.end, start):
        return [named.value]
    usable = lambda m: not m.reference and is_visible(source, m, start)  # noqa: E731
    found = _explained_reference(source, index, start) or \
        index.last_before(start, sentence.start, usable)
    if found is not None:
        return _expand_list(index, found)
    carried = index.last_before(sentence.start, sentence.paragraph.start,
                                lambda m: usable(m) and not m.listed and _is_province(m)
                                and source.paren_at(m.start) is None)
    return [carried.value] if carried and not claimed(carried) else [subject]


def _expand_list(index: MentionIndex[ScopeMention], mention: ScopeMention) -> list[str]:
    """Return the provinces of the list ending at *mention*, in reading order."""
    chain = [mention]
    while chain[-1].listed_after is not None:
        chain.append(index.mentions[chain[-1].listed_after])
    return [m.value for m in reversed(chain)]


def _explained_reference(source: Source, index: MentionIndex[ScopeMention],
                         start: int) -> ScopeMention | None:
    """Return the scope a parenthesis explains: "cao hơn của cả nước (tăng 7,4%)".

    Only when the parenthesis names no scope of its own before the figure.
    """
    paren = source.paren_at(start)
    if paren is None or index.last_before(start, paren.start) is not None:
        return None
    before = index.last_before(paren.start, 0)
    if before is not None and POST_MERGER_TAG_RE.fullmatch(source.folded, before.end, paren.start):
        return before
    return None
