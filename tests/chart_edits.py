"""Edit a built draft's native chart the way Word's "Edit Data" does: the workbook cell and the chart's cache."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
from lxml import etree

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_TARGET = re.compile(r'Target="\.\./embeddings/([^"]+)"')


def chart_parts(package: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """Return chart id -> (chart part, workbook part), read from each workbook's hidden sheet."""
    found = {}
    for name in package.namelist():
        if re.fullmatch(r"word/charts/chart\d+\.xml", name):
            rels = package.read(name.replace("charts/", "charts/_rels/") + ".rels").decode("utf-8")
            book_name = "word/embeddings/" + _TARGET.search(rels).group(1)
            book = openpyxl.load_workbook(io.BytesIO(package.read(book_name)))
            found[book["briefgen"]["B1"].value] = (name, book_name)
    return found


def _set_cache(chart_xml: bytes, series: int, index: int, value: float | None) -> bytes:
    """Return the chart XML with point *index* of series number *series* cached as *value*."""
    root = etree.fromstring(chart_xml)
    cache = root.findall(f".//{{{C}}}ser")[series].find(f"{{{C}}}val/{{{C}}}numRef/{{{C}}}numCache")
    points = {int(p.get("idx")): p for p in cache.iterfind(f"{{{C}}}pt")}
    if index in points:
        if value is None:
            cache.remove(points[index])
        else:
            points[index].find(f"{{{C}}}v").text = repr(value)
    elif value is not None:
        point = etree.Element(f"{{{C}}}pt", idx=str(index))
        etree.SubElement(point, f"{{{C}}}v").text = repr(value)
        after = [p for i, p in sorted(points.items()) if i < index]
        (after[-1] if after else cache.find(f"{{{C}}}ptCount")).addnext(point)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _set_cell(book_xlsx: bytes, ref: str, value: object) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(book_xlsx))
    book["Sheet1"][ref] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def edit_chart(source: Path, target: Path, chart_id: str, ref: str, value, *,
               workbook: bool = True, cache: bool = True) -> Path:
    """Write *target*: *source* with cell *ref* ("B5") of chart *chart_id* set to *value*.

    Word's "Edit Data" changes both (*workbook*, *cache*); LibreOffice only the *cache*.
    """
    column, row = ord(ref[0]) - ord("B"), int(ref[1:]) - 2
    with zipfile.ZipFile(source) as package:
        chart, book = chart_parts(package)[chart_id]
        members = {info: package.read(info) for info in package.infolist()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in members.items():
            if info.filename == chart and cache:
                data = _set_cache(data, column, row, None if value is None else float(value))
            elif info.filename == book and workbook:
                data = _set_cell(data, ref, value)
            out.writestr(info, data)
    return target


def replace_member(source: Path, target: Path, name: str, data: bytes) -> Path:
    """Write *target*: *source* with zip member *name* replaced by *data*."""
    with zipfile.ZipFile(source) as package:
        members = {info: package.read(info) for info in package.infolist()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info, old in members.items():
            out.writestr(info, data if info.filename == name else old)
    return target
