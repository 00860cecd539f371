"""Who is who in a draft: each figure's and placeholder's content control, and the draft's identity.

A control carries its identity three times, because editors keep different parts: the tag
(figure id, or ``ph:<placeholder id>``; LibreOffice drops it), a bookmark ``bg_<hash>``
inside the control and the title (alias) ending in `` #<hash>`` (both survive LibreOffice).
The identity (year, host and every figure and placeholder with value, unit and source) goes
into the DOCX as JSON, so a draft can be reviewed without its manifest.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from briefgen.domain.edition import SERIES
from briefgen.domain.indicators import INDICATORS, label_of
from briefgen.domain.period import parse_period
from briefgen.model import Briefing, Placeholder

GENERATOR = "briefgen"
FORMAT = 1
PROPERTY_PREFIX = "briefgen_"
PIECE = 255                     # Word keeps at most 255 characters of a text property
PLACEHOLDER_TAG = "ph:"
_HASH = re.compile(r"(?:^bg_|#)([0-9a-f]{8})(?:_\d+)?$")
SCOPE_WORDS = {"region": "khu vực", "national": "cả nước"}


@dataclass(frozen=True)
class Control:
    """The three names of one content control."""

    tag: str
    bookmark: str
    alias: str

    def as_dict(self) -> dict[str, str]:
        return {"tag": self.tag, "bookmark": self.bookmark, "alias": self.alias}


def short_hash(key: str) -> str:
    """Return the 8 hex digits naming *key* in bookmarks and titles."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


def control_for(key: str, title: str, placeholder: bool, occurrence: int = 1) -> Control:
    """Return the control names of the *occurrence*-th appearance of figure or placeholder *key*."""
    digest = short_hash(key)
    bookmark = f"bg_{digest}" + (f"_{occurrence}" if occurrence > 1 else "")
    return Control((PLACEHOLDER_TAG if placeholder else "") + key, bookmark, f"{title} #{digest}")


def name_control(key: str, text: str, placeholder: bool, occurrence: int = 1) -> Control:
    """Return the control of a figure or placeholder *key* printed as *text*, titled for a reader."""
    parts = split_key(key)
    title = title_of(*parts) if parts else text.strip("[]")
    return control_for(key, title[:1].upper() + title[1:], placeholder, occurrence)


def hash_in(name: str) -> str | None:
    """Return the hash named by a bookmark (``bg_1a2b3c4d_2``) or a title (``… #1a2b3c4d``)."""
    match = _HASH.search(name.strip())
    return match.group(1) if match else None


def split_key(key: str) -> tuple[str, str | None, str, str] | None:
    """Return (indicator, subject, scope, period code) of a slot key or figure id, None for text."""
    if "@" not in key or ":" not in key:
        return None
    what, rest = key.split("@", 1)
    scope, period = rest.rsplit(":", 1)
    indicator, _, subject = what.partition("/")
    return indicator, subject or None, scope, period.split("#", 1)[0]


def title_of(indicator: str, subject: str | None, scope: str, period_code: str) -> str:
    """Return a control's readable title: "Tổng mức bán lẻ … – 9 tháng đầu năm 2025 – khu vực"."""

    label = label_of(indicator, subject)
    period = parse_period(period_code).label
    return f"{label[:1].upper()}{label[1:]} – {period} – {SCOPE_WORDS.get(scope, scope)}"


def placeholder_unit(placeholder: Placeholder, indicator: str | None) -> str:
    """Return the unit a placeholder asks for: from its label ("[… tỷ USD]"), else the indicator's."""
    label = placeholder.label.strip("[]")
    if label.endswith("%"):
        return "%"
    if label.startswith("…/"):
        return label[1:]
    if label.startswith("… "):
        return label[2:]

    info = INDICATORS.get(indicator or "")
    return info.unit if info else ""


def _figure_entry(figure, texts: list[str]) -> dict:
    return {"id": figure.id, "hash": short_hash(figure.id), "indicator": figure.indicator,
            "subject": figure.subject, "scope": figure.scope, "period": figure.period.code,
            "edition_year": figure.edition_year, "series": figure.series, "value": str(figure.value),
            "unit": figure.unit,
            "texts": texts, "source": figure.source, "status": figure.status,
            "title": title_of(figure.indicator, figure.subject, figure.scope, figure.period.code)}


def _placeholder_entry(placeholder: Placeholder) -> dict:
    parts = split_key(placeholder.id)
    indicator, subject, scope, period = parts or (None, None, None, None)
    title = title_of(*parts) if parts else placeholder.need.removeprefix("Cần bổ sung: ").rstrip(".")
    return {"id": placeholder.id, "hash": short_hash(placeholder.id), "indicator": indicator,
            "subject": subject, "scope": scope, "period": period,
            "unit": placeholder_unit(placeholder, indicator), "text": placeholder.label,
            "need": placeholder.need, "title": title[:1].upper() + title[1:]}


def build_identity(briefing: Briefing, printed: dict[str, list[str]]) -> dict:
    """Return the draft's identity: year, host, series, every figure (with the texts *printed*) and placeholder."""
    return {"generator": GENERATOR, "format": FORMAT, **briefing.identity,
            "figures": [_figure_entry(f, printed.get(f.id, [])) for f in
                        sorted(briefing.figures.values(), key=lambda f: f.id)],
            "placeholders": [_placeholder_entry(p) for p in
                             sorted(briefing.placeholders.values(), key=lambda p: p.id)]}


def dump_identity(identity: dict) -> str:
    """Return *identity* as compact JSON."""
    return json.dumps(identity, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def split_payload(text: str) -> list[str]:
    """Return *text* cut into pieces short enough for one document property each."""
    return [text[i:i + PIECE] for i in range(0, len(text), PIECE)] or [""]


def join_payload(properties: dict[str, str]) -> str | None:
    """Return the identity JSON spread over *properties*, None when the draft carries none."""
    names = sorted(n for n in properties if n.startswith(PROPERTY_PREFIX) and n[len(PROPERTY_PREFIX):].isdigit())
    return "".join(properties[n] for n in names) if names else None


_TEXT_FIELDS = ("id", "hash", "indicator", "subject", "scope", "period", "unit", "text", "need",
                "title", "source", "status", "value")


def _clean_entry(entry: object, kind: str) -> dict | None:
    """Return an identity entry with every field of the expected type, None when it is unusable."""
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        return None
    clean = {k: entry[k] if isinstance(entry.get(k), str) else None for k in _TEXT_FIELDS}
    clean["unit"] = clean["unit"] or ""
    clean["kind"] = kind
    clean["edition_year"] = entry.get("edition_year") if type(entry.get("edition_year")) is int else None
    clean["series"] = entry.get("series") if entry.get("series") in SERIES else None
    texts = entry.get("texts")
    clean["texts"] = [t for t in texts if isinstance(t, str)] if isinstance(texts, list) else []
    if kind == "figure":
        try:
            clean["value"] = str(Decimal(clean["value"] or "x"))
        except InvalidOperation:
            return None
    return clean


def load_identity(payload: str) -> dict | None:
    """Return the identity JSON *payload* with typed fields, None if it is not a briefgen identity.

    Raises ValueError when the JSON itself is broken.
    """
    raw = json.loads(payload)
    if not isinstance(raw, dict) or raw.get("generator") != GENERATOR:
        return None
    identity = {"generator": GENERATOR, "year": raw.get("year") if type(raw.get("year")) is int else None,
                "host": raw.get("host") if isinstance(raw.get("host"), str) else None,
                "series": raw.get("series") if raw.get("series") in SERIES else None}
    for kind in ("figures", "placeholders"):
        items = raw.get(kind) if isinstance(raw.get(kind), list) else []
        identity[kind] = [e for e in (_clean_entry(i, kind[:-1]) for i in items) if e is not None]
    return identity
