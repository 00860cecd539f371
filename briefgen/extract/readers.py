"""Readers of .docx, .html and .pdf reports: text in reading order, with locations.

.docx is read as the zip of WordprocessingML it is (paragraphs and tables in body order; a
table row becomes one line "label (unit): column value; …"); .html with the standard
library's parser (the main content: <main> or <article> when present, never scripts,
styles or navigation); .pdf with pypdf, page by page, its lines broken inside sentences
rejoined (reflow.py).
"""

from __future__ import annotations

import io
import logging
import re
import warnings
import zipfile
import zlib
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

from briefgen.errors import DataFileError
from briefgen.extract.reflow import reflow
from briefgen.extract.sources import MAX_BYTES, Report, ReportBuilder

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_UNIT_HEADERS = ("đơn vị", "đơn vị tính", "đvt")
_SPACES_RE = re.compile(r"\s+")


def read_docx(path: Path, data: bytes) -> Report:
    """Return the paragraphs and table rows of a .docx, located "đoạn N" / "bảng T, dòng R"."""
    body = _docx_body(path, data)
    builder = ReportBuilder()
    paragraphs = tables = 0
    for child in body:
        if child.tag == _W + "p":
            paragraphs += 1
            builder.add(_text_of(child) + "\n", f"đoạn {paragraphs}")
        elif child.tag == _W + "tbl":
            tables += 1
            _add_table(builder, child, tables)
    return builder.build()


def _docx_body(path: Path, data: bytes) -> ElementTree.Element:
    """Return the w:body element of a .docx; raise DataFileError when it is no Word file."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_BYTES:
                raise DataFileError(path, "nội dung .docx quá lớn khi giải nén")
            root = ElementTree.fromstring(archive.read(info))
    except zipfile.BadZipFile:
        raise DataFileError(path, "không phải tệp .docx hợp lệ (không mở được như tệp zip); "
                                  "hãy lưu lại bằng Word dạng .docx") from None
    except KeyError:
        raise DataFileError(path, "tệp zip nhưng không phải văn bản Word (thiếu word/document.xml)") \
            from None
    except (ElementTree.ParseError, RuntimeError, zipfile.LargeZipFile, NotImplementedError,
            zlib.error, EOFError, ValueError, OSError) as error:
        raise DataFileError(path, f"tệp .docx bị hỏng ({error})") from None
    body = root.find(_W + "body")
    if body is None:
        raise DataFileError(path, "tệp .docx không có phần thân văn bản")
    return body


def _text_of(element: ElementTree.Element) -> str:
    """Return the visible text of a paragraph or cell (tabs and breaks as spaces)."""
    parts = []
    for node in element.iter():
        if node.tag == _W + "t" and node.text:
            parts.append(node.text)
        elif node.tag in (_W + "tab", _W + "br"):
            parts.append(" ")
        elif node.tag == _W + "p" and parts:
            parts.append(" ")
    return _SPACES_RE.sub(" ", "".join(parts)).strip()


def _add_table(builder: ReportBuilder, table: ElementTree.Element, number: int) -> None:
    """Add one line per data row: its label, its unit column in parentheses, then each
    other column as "header value", each cell located "bảng T, dòng R, cột 'header'"."""
    rows = [[_text_of(cell) for cell in row.findall(_W + "tc")] for row in table.findall(_W + "tr")]
    if not rows:
        return
    header = rows[0]
    units = [i for i, name in enumerate(header) if name.lower().strip(" ()") in _UNIT_HEADERS]
    for r, cells in enumerate(rows[1:], 2):
        where = f"bảng {number}, dòng {r}"
        unit = next((cells[i] for i in units if i < len(cells) and cells[i]), "")
        builder.add(cells[0] + (f" ({unit})" if unit else "") + ":" if cells else "", where)
        for i, cell in enumerate(cells[1:], 1):
            if i in units or not cell:
                continue
            name = header[i] if i < len(header) else ""
            percent = name.endswith("(%)")  # a column of rates: the unit goes with each value
            name = name.removesuffix("(%)").strip()
            builder.add(" " + (f"{name} " if name else ""), f"{where}, cột '{name or i + 1}'")
            builder.add(cell + ("%" if percent and not cell.endswith("%") else "") + ";")
        builder.add("\n")


class _MainText(HTMLParser):
    """Collects the text blocks of a page, and which of them are in <main> or <article>."""

    SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "template",
            "svg", "form", "button", "select"}
    BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "section",
              "article", "main", "table", "ul", "ol", "blockquote", "td", "th", "dd", "dt"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []
        self._current: list[str] = []
        self._skip = 0
        self._main = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCKS:
            self._flush()
        if tag in ("main", "article"):
            self._main += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCKS:
            self._flush()
        if tag in ("main", "article"):
            self._main = max(0, self._main - 1)

    def handle_data(self, data):
        if not self._skip:
            self._current.append(data)

    def close(self):
        super().close()
        self._flush()

    def _flush(self):
        text = _SPACES_RE.sub(" ", "".join(self._current)).strip()
        if text:
            self.blocks.append((text, self._main > 0))
        self._current = []


def read_html(path: Path, data: bytes) -> Report:
    """Return the main text of a web page, one block per line, located "đoạn N"."""
    parser = _MainText()
    parser.feed(_decode_html(data))
    parser.close()
    main = [text for text, inside in parser.blocks if inside]
    builder = ReportBuilder()
    for number, text in enumerate(main or [text for text, _ in parser.blocks], 1):
        builder.add(text + "\n", f"đoạn {number}")
    return builder.build()


def _decode_html(data: bytes) -> str:
    """Return the page as text: UTF-8, else the charset it declares, else cp1258."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        declared = re.search(rb"charset=[\"']?([\w-]+)", data[:2048])
        try:
            return data.decode(declared.group(1).decode("ascii") if declared else "cp1258",
                               errors="replace")
        except LookupError:
            return data.decode("cp1258", errors="replace")


def _pdf_pages(path: Path, reader) -> Report:
    """Return the text of each page, its lines broken inside sentences rejoined, located
    "trang N"; refuse an encrypted file."""
    if reader.is_encrypted and not _opens_without_password(reader):
        raise DataFileError(path, "tệp PDF có mật khẩu; hãy gỡ mật khẩu rồi thử lại")
    builder = ReportBuilder()
    for number, page in enumerate(reader.pages, 1):
        builder.add(reflow((page.extract_text() or "").strip()) + "\n", f"trang {number}")
    return builder.build()


def _opens_without_password(reader) -> bool:
    """Tell whether an encrypted PDF opens with the empty password (only printing locked)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - an unsupported cipher is as closed as a password
        return False


def read_pdf(path: Path, data: bytes) -> Report:
    """Return the text of each page of a PDF, located "trang N"."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on odd files are not ours
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            report = _pdf_pages(path, PdfReader(io.BytesIO(data)))
    except DataFileError:
        raise
    except Exception as error:  # noqa: BLE001 - any failure of the parser on a damaged file
        raise DataFileError(path, f"không phải tệp PDF đọc được ({type(error).__name__})") from None
    if not report.text.strip():
        raise DataFileError(path, "tệp PDF không có lớp chữ (có thể là bản quét); hãy nhận dạng "
                                  "chữ (OCR) hoặc gửi bản .docx")
    return report
