"""Decide once per report what it is about: one province, the region, or the whole country.

A figure that names no scope belongs to the report's subject. The subject is read from the
title and the opening, where reports say who speaks and about what: the first cue there
wins (a conference of "các tỉnh … khu vực phía Bắc" or a "vùng": the region; a province
named in the title, "SỞ CÔNG THƯƠNG TỈNH X", "X: …": that province; the statistics office
or the ministry as issuer, "cả nước": the nation). Failing a cue there, the province named
most often in a text that speaks of "toàn tỉnh", "trên địa bàn", "của tỉnh" is the subject;
else the nation when the text speaks of it and of no region, else the region.
"""

from __future__ import annotations

import re
from collections import Counter

from briefgen.extract.scopes import NATIONAL, PROVINCE_RE, REGION, province_of
from briefgen.extract.text import Source

_HEAD_LINES = 2  # the title and the line after it (an issuer line or the opening paragraph)
_REGION_CUE_RE = re.compile(
    r"(?<!\w)(?:khu vực (?:phía|miền|tdmnbb|trung du|bắc|nam|trung|\d)|(?:toàn|trong|cả) vùng"
    r"|(?:các tỉnh|tỉnh,? thành phố)[^.\n]{0,40}?(?:vùng|khu vực|miền)|miền (?:trung|bắc|nam)"
    r"|\d+ tỉnh,? (?:thành phố|thành)?[^.\n]{0,20}?(?:phía|vùng|khu vực))(?!\w)")
_NATIONAL_CUE_RE = re.compile(
    r"(?:^|\n)\s*(?:bộ công thương|tổng cục thống kê|cục thống kê)(?!\w)(?! tỉnh| thành phố)"
    r"|(?<!\w)(?:tổng cục thống kê|(?<!chi )cục thống kê(?! tỉnh| thành phố| \w+ \w+ tỉnh)"
    r"|(?<!hơn )(?<!với )(?<!của )(?<!quân )(?<!chung )(?:cả nước|toàn quốc))(?!\w)")
_PROVINCE_TALK_RE = re.compile(r"(?<!\w)(?:toàn tỉnh|trên địa bàn|của tỉnh|toàn thành phố"
                               r"|sở công thương|thủ đô)(?!\w)")
_OWN_PROVINCE_RE = re.compile(r"(?<!\w)(?:toàn tỉnh|của tỉnh|trên địa bàn tỉnh|tỉnh ta)(?!\w)")
_UNIT_BEFORE_RE = re.compile(r"(?:tỉnh|thành phố|tp\.?)\s*$")
_AT_RE = re.compile(r"(?:tại|ở) (?:tỉnh |thành phố |tp\.? )?$")


def find_subject(source: Source) -> str:
    """Return the scope of the report's unqualified figures: a province, REGION or NATIONAL."""
    for line in _head_lines(source.folded):
        cue = _first_cue(source, line)
        if cue == NATIONAL and _OWN_PROVINCE_RE.search(source.folded, *line):
            return _dominant_province(source) or NATIONAL  # "Theo Cục Thống kê, GRDP của tỉnh …"
        if cue:
            return cue
    return _dominant_province(source) or _by_wording(source.folded)


def _by_wording(text: str) -> str:
    """Return NATIONAL for a text that speaks of the nation and of no region, else REGION."""
    if _NATIONAL_CUE_RE.search(text) and not _REGION_CUE_RE.search(text):
        return NATIONAL
    return REGION


def _head_lines(text: str) -> list[tuple[int, int]]:
    """Return the spans of the first non-blank lines."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    return spans[:_HEAD_LINES]


def _first_cue(source: Source, line: tuple[int, int]) -> str | None:
    """Return the subject the earliest cue of *line* gives, or None."""
    text, (start, end) = source.folded, line
    cues = []
    region = _REGION_CUE_RE.search(text, start, end)
    if region:
        cues.append((region.start(), REGION))
    national = _NATIONAL_CUE_RE.search(text, max(0, start - 1), end)
    if national:
        cues.append((national.start(), NATIONAL))
    province = _first_province(source, start, end)
    if province:
        cues.append(province)
    return min(cues)[1] if cues else None


def _first_province(source: Source, start: int, end: int) -> tuple[int, str] | None:
    """Return the first province named in [start, end) as its subject, not as a venue.

    In a title any province counts; in a sentence only "tỉnh X", "thành phố X".
    """
    title = source.sentence_at(start).paragraph.caption
    for match in PROVINCE_RE.finditer(source.folded, start, end):
        name = province_of(source, match)
        lead = source.folded[max(start, match.start() - 20):match.start()]
        if name and not _AT_RE.search(lead) and source.paren_at(match.start()) is None \
                and (title or _UNIT_BEFORE_RE.search(lead)):
            return match.start(), name
    return None


def _dominant_province(source: Source) -> str | None:
    """Return the province a text about one province names most, or None."""
    if not _PROVINCE_TALK_RE.search(source.folded):
        return None
    names = Counter(province_of(source, m) for m in PROVINCE_RE.finditer(source.folded))
    names.pop(None, None)
    return names.most_common(1)[0][0] if names else None
