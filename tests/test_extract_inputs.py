"""``briefgen extract`` reads .docx, .html and .pdf reports and says where each figure is.

Fixtures are made here from text: the .docx with python-docx, the .pdf with LibreOffice
(marked ``libreoffice``), the .html by hand. Bad inputs get one message naming the file
while the other files are still processed.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.cli import main
from briefgen.errors import DataFileError
from briefgen.extract.cli import extract_report
from briefgen.extract.sources import load_report
from report_files import encrypted_pdf

TITLE = "SỞ CÔNG THƯƠNG TỈNH LÀO CAI"
SENTENCE = "Chỉ số sản xuất công nghiệp 5 tháng năm 2024 tăng 12,5% so với cùng kỳ."


def rows_of(capsys) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def make_docx(path, with_table: bool = True):
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(SENTENCE)
    if with_table:
        table = document.add_table(rows=2, cols=4)
        for cell, text in zip(table.rows[0].cells, ("Chỉ tiêu", "Đơn vị", "5 tháng năm 2024",
                                                     "So với cùng kỳ (%)")):
            cell.text = text
        for cell, text in zip(table.rows[1].cells, ("Kim ngạch xuất khẩu", "triệu USD", "1.234,5",
                                                     "tăng 8,2")):
            cell.text = text
    document.save(path)
    return path


def test_docx_paragraphs_and_table_rows_in_order_with_locations(tmp_path, capsys):
    path = make_docx(tmp_path / "bao-cao.docx")
    assert main(["extract", str(path)]) == 0
    found = [(r["indicator"], r["period"], r["scope"], r["value"], r["unit"], r["location"])
             for r in rows_of(capsys)]
    assert found == [
        ("iip_growth", "5M-2024", "Lào Cai", "12.5", "%", "đoạn 2"),
        ("export_value", "5M-2024", "Lào Cai", "1234.5", "triệu USD",
         "bảng 1, dòng 2, cột '5 tháng năm 2024'"),
        ("export_growth", "5M-2024", "Lào Cai", "8.2", "%", "bảng 1, dòng 2, cột 'So với cùng kỳ'")]


def test_docx_quote_is_a_substring_of_the_extracted_text(tmp_path):
    report = load_report(make_docx(tmp_path / "r.docx"))
    for figure in extract_report(report, "r.docx"):
        assert report.text[figure.start:figure.start + len(figure.quote)] == figure.quote


def test_html_main_text_without_scripts_and_menus(tmp_path, capsys):
    page = tmp_path / "tin.html"
    page.write_text(
        "<html><head><script>var x = 'tăng 99%';</script><style>p{}</style></head><body>"
        "<nav>Trang chủ | Tin tăng 50%</nav><article><h1>" + TITLE + "</h1><p>" + SENTENCE +
        "</p></article><footer>Lượt xem 1.245</footer></body></html>", encoding="utf-8")
    assert main(["extract", str(page)]) == 0
    assert [(r["value"], r["scope"], r["location"]) for r in rows_of(capsys)] == \
        [("12.5", "Lào Cai", "đoạn 2")]


def test_txt_figures_are_located_by_line(tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_text(TITLE + "\n\n" + SENTENCE + "\n", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    assert [r["location"] for r in rows_of(capsys)] == ["dòng 3"]


def test_bad_inputs_are_named_and_the_other_files_still_processed(tmp_path, capsys):
    not_zip = tmp_path / "gia.docx"
    not_zip.write_bytes(b"This is not a zip file at all")
    no_word = tmp_path / "zip.docx"
    shutil.make_archive(str(tmp_path / "zip"), "zip", tmp_path, "gia.docx")
    (tmp_path / "zip.zip").rename(no_word)
    not_pdf = tmp_path / "hong.pdf"
    not_pdf.write_bytes(b"%PDF-1.4 garbage")
    good = tmp_path / "r.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    assert main(["extract", str(not_zip), str(no_word), str(not_pdf), str(good)]) == 1
    captured = capsys.readouterr()
    assert len(list(csv.DictReader(io.StringIO(captured.out)))) == 1
    errors = captured.err.splitlines()
    assert errors[0] == (f"Lỗi: {not_zip}: không phải tệp .docx hợp lệ (không mở được như tệp "
                         "zip); hãy lưu lại bằng Word dạng .docx")
    assert errors[1] == f"Lỗi: {no_word}: tệp zip nhưng không phải văn bản Word (thiếu word/document.xml)"
    assert errors[2].startswith(f"Lỗi: {not_pdf}: không phải tệp PDF đọc được")
    assert len(errors) == 3


def test_pdf_without_text_layer_says_it_may_be_scanned(tmp_path, capsys):
    from pypdf import PdfWriter
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    blank = tmp_path / "scan.pdf"
    with open(blank, "wb") as handle:
        writer.write(handle)
    assert main(["extract", str(blank)]) == 1
    assert capsys.readouterr().err == (
        f"Lỗi: {blank}: tệp PDF không có lớp chữ (có thể là bản quét); hãy nhận dạng chữ (OCR) "
        "hoặc gửi bản .docx\n")


def test_too_large_file_is_refused_by_name(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("briefgen.extract.sources.MAX_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    assert main(["extract", str(path)]) == 1
    assert capsys.readouterr().err.startswith(f"Lỗi: {path}: tệp quá lớn")


@pytest.mark.libreoffice
def test_pdf_pages_are_located(tmp_path, capsys):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed")
    source = make_docx(tmp_path / "bao-cao.docx", with_table=False)
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=120)
    assert main(["extract", str(tmp_path / "bao-cao.pdf")]) == 0
    assert [(r["value"], r["scope"], r["location"]) for r in rows_of(capsys)] == \
        [("12.5", "Lào Cai", "trang 1")]


def test_encrypted_pdf_says_it_has_a_password(tmp_path, capsys):
    locked = encrypted_pdf(tmp_path / "khoa.pdf")
    assert main(["extract", str(locked)]) == 1
    assert capsys.readouterr().err == f"Lỗi: {locked}: tệp PDF có mật khẩu; hãy gỡ mật khẩu rồi thử lại\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".docx", ".pdf", ".html", ".txt"]),
       prefix=st.sampled_from([b"", b"PK\x03\x04", b"%PDF-1.7\n", b"<html><body><p>"]))
def test_arbitrary_bytes_never_crash_a_reader(tmp_path, data, suffix, prefix):
    path = tmp_path / f"x{suffix}"
    path.write_bytes(prefix + data)
    try:
        report = load_report(path)
    except DataFileError as error:
        assert str(path) in str(error)
    else:
        assert isinstance(report.text, str) and report.text.strip()
