"""Read an edited draft back: its identity, its content controls and where each sits.

The only module outside ``docx_writer`` that imports python-docx (it reads, never writes).
Works on drafts saved by Word or LibreOffice: a control is named by its tag, else by the
``#hash`` of its title, else by a ``bg_<hash>`` bookmark inside or just before it.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml.ns import qn

from briefgen.draft_identity import join_payload, load_identity
from briefgen.errors import DraftFileError
from briefgen.review.read_charts import ChartReading, read_charts

_SECTION = re.compile(r"^(?:[IVX]+\.|PHỤ LỤC)")
_PROPERTIES = "/docProps/custom.xml"
_VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"


@dataclass(frozen=True)
class FoundControl:
    """A content control as found: its names, its text now, and its place in the draft."""

    tag: str
    alias: str
    bookmarks: tuple[str, ...]
    text: str
    place: str


@dataclass(frozen=True)
class DraftReading:
    """What an edited draft holds: identity (None if not briefgen's), controls, paragraphs with places."""

    path: Path
    identity: dict | None
    controls: tuple[FoundControl, ...]
    paragraphs: tuple[tuple[str, str], ...]     # (place, text)
    charts: ChartReading = ChartReading()       # the tagged cells of its native charts


def _open(path: Path):
    if path.is_dir():
        raise DraftFileError(f"{path}: là thư mục, không phải tệp")
    if not path.is_file():
        raise DraftFileError(f"không tìm thấy tệp {path}")
    if not zipfile.is_zipfile(path):
        raise DraftFileError(f"{path}: không phải tệp .docx (Word) hoặc tệp đã hỏng")
    try:
        return docx.Document(str(path))
    except Exception as exc:   # python-docx raises many kinds on a damaged package
        raise DraftFileError(f"{path}: tệp .docx bị hỏng, không đọc được ({type(exc).__name__})") from None


def _properties(document) -> dict[str, str]:
    part = next((p for p in document.part.package.iter_parts() if p.partname == _PROPERTIES), None)
    if part is None:
        return {}
    from docx.oxml.parser import parse_xml
    try:
        root = parse_xml(part.blob)
    except Exception:   # a damaged properties part: read the draft as not briefgen's
        return {}
    return {prop.get("name", ""): "".join(t.text or "" for t in prop.iter(f"{_VT}lpwstr"))
            for prop in root}


def _identity(document, path: Path) -> dict | None:
    payload = join_payload(_properties(document))
    if payload is None:
        return None
    try:
        return load_identity(payload)
    except ValueError:
        raise DraftFileError(f"{path}: phần nhận diện của dự thảo (thuộc tính briefgen_…) bị hỏng") from None


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _value(parent, tag: str) -> str:
    child = parent.find(qn(tag)) if parent is not None else None
    return child.get(qn("w:val"), "") if child is not None else ""


def _controls_in(paragraph, place: str) -> list[FoundControl]:
    found = []
    for sdt in paragraph.iter(qn("w:sdt")):
        properties, content = sdt.find(qn("w:sdtPr")), sdt.find(qn("w:sdtContent"))
        if content is None:
            continue
        marks = [b.get(qn("w:name"), "") for b in content.iter(qn("w:bookmarkStart"))]
        before = sdt.getprevious()
        while before is not None and before.tag == qn("w:bookmarkStart"):
            marks.append(before.get(qn("w:name"), ""))
            before = before.getprevious()
        found.append(FoundControl(_value(properties, "w:tag"), _value(properties, "w:alias"),
                                  tuple(marks), _text(content), place))
    return found


class _Places:
    """Names places as the reader sees them: "II. KẾT QUẢ … › đoạn 3" or "… › Bảng 2, dòng 4, cột 3"."""

    def __init__(self):
        self.section, self.paragraph, self.caption = "Phần mở đầu", 0, ""

    def of_paragraph(self, paragraph) -> str:
        text = _text(paragraph).strip()
        style = paragraph.find(qn("w:pPr"))
        heading = _value(style.find(qn("w:pStyle")) if style is not None else None, "w:val")
        if _SECTION.match(text) and ("Heading1" in heading.replace(" ", "") or text.isupper()):
            self.section, self.paragraph = text, 0
            return text
        if text.startswith("Bảng "):
            self.caption = text.split(".")[0]
        if text:
            self.paragraph += 1
        return f"{self.section} › đoạn {self.paragraph}"

    def of_cell(self, row: int, column: int) -> str:
        table = self.caption or "bảng"
        return f"{self.section} › {table}, dòng {row}, cột {column}"


def _walk(body, places: _Places, controls: list, paragraphs: list) -> None:
    for child in body:
        if child.tag == qn("w:p"):
            place = places.of_paragraph(child)
            controls.extend(_controls_in(child, place))
            paragraphs.append((place, _text(child)))
        elif child.tag == qn("w:tbl"):
            for r, row in enumerate(child.iter(qn("w:tr")), start=1):
                for c, cell in enumerate(row.iter(qn("w:tc")), start=1):
                    place = places.of_cell(r, c)
                    for paragraph in cell.iter(qn("w:p")):
                        controls.extend(_controls_in(paragraph, place))
                        paragraphs.append((place, _text(paragraph)))
            places.caption = ""


def read_draft(path: Path | str) -> DraftReading:
    """Return what the draft at *path* holds; raise ``DraftFileError`` if it is no readable .docx."""
    path = Path(path)
    document = _open(path)
    controls: list[FoundControl] = []
    paragraphs: list[tuple[str, str]] = []
    _walk(document.element.body, _Places(), controls, paragraphs)
    return DraftReading(path, _identity(document, path), tuple(controls), tuple(paragraphs),
                        read_charts(document))
