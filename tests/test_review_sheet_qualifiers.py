"""Qualifiers survive the review sheet: extract → "Ghi chú định lượng" → --data → the draft says "hơn", "trên".

The report is made up for the tests (Tuyên Quang, 9 months of 2025).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from decimal import Decimal

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from briefgen.cli import main
from briefgen.domain.figure import AT_LEAST, CONSTANT_PRICES_2010, LOWER_BOUND
from briefgen.extract.model import Figure as Extracted
from briefgen.extract.qualifier_words import CHOICES, WORDS, fmt_qualifier_words, parse_qualifier_words
from briefgen.extract.reported import Reported
from briefgen.extract.review_sheet import HEADER, QUALIFIERS_HEADER, REVIEW_SHEET, is_review, read_review, \
    render_review
from docx_text import text_of

from test_report_qualifiers import HOST, REPORT   # the same Tuyên Quang report, read through the sheet

RETAIL = "đạt hơn 24.000 tỷ đồng"
EXPORT = "512,4 triệu USD, tăng trên 5,3%"
COLUMN = "H"                       # Ghi chú định lượng
ROWS = {"iip_growth": 2, "retail_sales": 3, "retail_growth": 4, "export_value": 5, "export_growth": 6}
UNKNOWN = ("ghi chú định lượng 'khoảng' không dùng được; chỉ ghi hơn, từ … trở lên, giá so sánh 2010 "
           "(nhiều ghi chú cách nhau bằng dấu ;)")
BOTH = "'hơn' và 'từ … trở lên' không ghi cùng nhau; chọn một"


def _sheet(tmp_path):
    report = tmp_path / "tuyen-quang.txt"
    report.write_text(REPORT, encoding="utf-8")
    review = tmp_path / "review.xlsx"
    assert main(["extract", str(report), "--format", "xlsx", "-o", str(review)]) == 0
    return review


def _edit(review, cells: dict[str, str | None]) -> None:
    book = load_workbook(review)
    for ref, value in cells.items():
        book[REVIEW_SHEET][ref] = value
    book.save(review)


def _draft_text(tmp_path, review, name: str) -> str:
    assert main(["--year", "2025", "--host", HOST, "--out", str(tmp_path / name), "--data", str(review)]) == 0
    document = docx.Document(str(next((tmp_path / name).rglob("*.docx"))))
    return "\n".join(text_of(p) for p in document.paragraphs)


def test_extract_writes_the_words_beside_the_estimate(tmp_path):
    sheet = load_workbook(_sheet(tmp_path))[REVIEW_SHEET]
    assert tuple(c.value for c in sheet[1]) == HEADER and sheet[f"{COLUMN}1"].value == QUALIFIERS_HEADER
    assert {code: sheet[f"{COLUMN}{row}"].value for code, row in ROWS.items()} == {
        "iip_growth": None, "retail_sales": "hơn", "retail_growth": None, "export_value": None,
        "export_growth": "hơn"}
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists[f"{COLUMN}2:{COLUMN}6"] == '"hơn,từ … trở lên,giá so sánh 2010,hơn; giá so sánh 2010,' \
                                            'từ … trở lên; giá so sánh 2010"'
    guide = " ".join(row[0].value for row in load_workbook(tmp_path / "review.xlsx")["Hướng dẫn"].iter_rows())
    assert "'Ghi chú định lượng'" in guide and "hơn, từ … trở lên, giá so sánh 2010" in guide


def test_round_trip_prints_hon_and_tren_and_an_edit_removes_them(tmp_path):
    review = _sheet(tmp_path)
    text = _draft_text(tmp_path, review, "kept")
    assert RETAIL in text and EXPORT in text
    _edit(review, {f"{COLUMN}{ROWS['retail_sales']}": None, f"{COLUMN}{ROWS['export_growth']}": "  "})
    text = _draft_text(tmp_path, review, "edited")
    assert RETAIL not in text and "đạt 24.000 tỷ đồng" in text
    assert EXPORT not in text and "512,4 triệu USD, tăng 5,3%" in text


def test_staff_may_add_a_qualifier_the_extractor_missed(tmp_path):
    review = _sheet(tmp_path)
    _edit(review, {f"{COLUMN}{ROWS['iip_growth']}": "Trên"})
    assert [i.qualifiers for i in read_review(review)][:2] == [(LOWER_BOUND,), (LOWER_BOUND,)]
    assert "(IIP) ước tăng trên 8,5%" in _draft_text(tmp_path, review, "added")


@pytest.mark.parametrize(("typed", "message"), [
    ("khoảng", UNKNOWN),
    ("hơn; ước", "'ước' ghi ở cột Ước tính (Có/Không), không ghi ở cột Ghi chú định lượng"),
    ("trên; từ ... trở lên", BOTH),
])
def test_an_unknown_word_is_refused_by_cell_and_nothing_is_written(tmp_path, capsys, typed, message):
    review = _sheet(tmp_path)
    _edit(review, {f"{COLUMN}{ROWS['retail_sales']}": typed})
    capsys.readouterr()
    assert main(["--year", "2025", "--host", HOST, "--out", str(tmp_path / "out"), "--data", str(review)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"Lỗi: review.xlsx › Rà soát!{COLUMN}{ROWS['retail_sales']}: {message}",
        "Lỗi: bảng rà soát có 1 lỗi; chưa soạn dự thảo, không ghi tệp nào",
        "Gợi ý: sửa các ô nêu trên (cột Sử dụng: Có hoặc Không; Giá trị: một số; Kỳ: mã như 9M-2025) rồi chạy lại"]
    assert not (tmp_path / "out").exists()


def test_a_sheet_from_before_the_column_still_reads(tmp_path):
    review = _sheet(tmp_path)
    book = load_workbook(review)
    book[REVIEW_SHEET].delete_cols(8)           # the sheet as extract wrote it before: Sử dụng in L
    book[REVIEW_SHEET]["L3"] = "Không"
    book.save(review)
    assert is_review(review)
    items = read_review(review)
    assert [i.figure.indicator for i in items] == ["iip_growth", "retail_growth", "export_value", "export_growth"]
    assert {i.qualifiers for i in items} == {()} and items[0].figure.quote == "trên địa bàn tỉnh ước tăng 8,5%"
    book = load_workbook(review)
    book[REVIEW_SHEET]["L4"] = "có lẽ"
    book.save(review)
    with pytest.raises(Exception, match="bảng rà soát có 1 lỗi") as caught:
        read_review(review)
    assert [p.where for p in caught.value.errors] == ["review.xlsx › Rà soát!L4"]


def test_csv_and_json_carry_the_qualifiers_in_the_last_column(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text("Giá trị sản xuất công nghiệp năm 2024 đạt hơn 45.000 tỷ đồng (giá so sánh năm 2010); "
                      "xuất khẩu tăng 3%.\n", encoding="utf-8")
    assert main(["extract", str(report)]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][-2:] == ["location", "qualifiers"]
    assert [(r[4], r[-1]) for r in rows[1:]] == [("45000", "lower_bound;constant_prices_2010"), ("3", "")]
    assert main(["extract", "--format", "json", str(report)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["qualifiers"] for r in records] == [[LOWER_BOUND, CONSTANT_PRICES_2010], []]


# --- the cell parser ------------------------------------------------------------------------------

SUBSETS = st.sets(st.sampled_from(tuple(WORDS))).filter(lambda chosen: not {LOWER_BOUND, AT_LEAST} <= chosen)


@settings(max_examples=40, deadline=None)
@given(chosen=SUBSETS, upper=st.booleans(), separator=st.sampled_from(["; ", ";", " ; ", ", "]),
       dots=st.sampled_from(["…", "...", " ... "]), order=st.randoms(use_true_random=False))
def test_written_words_read_back_whatever_the_typing(chosen, upper, separator, dots, order):
    words = [WORDS[q] for q in chosen]
    order.shuffle(words)
    typed = separator.join(w.replace(" … ", dots) for w in words)
    typed = unicodedata.normalize("NFD", typed.upper() if upper else typed)
    expected = tuple(q for q in WORDS if q in chosen)
    assert parse_qualifier_words(typed) == expected
    assert parse_qualifier_words(fmt_qualifier_words(expected)) == expected


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40) | st.sampled_from(CHOICES).map(lambda c: c + "; x"))
def test_any_cell_gives_known_qualifiers_or_one_named_refusal(typed):
    try:
        found = parse_qualifier_words(typed)
    except ValueError as error:
        assert str(error).startswith(("ghi chú định lượng '", "'")) and "\n" not in str(error)
    else:
        assert set(found) <= {LOWER_BOUND, AT_LEAST, CONSTANT_PRICES_2010}


def test_any_qualifiers_round_trip_through_the_sheet(tmp_path):
    assert [fmt_qualifier_words(parse_qualifier_words(c)) for c in CHOICES] == list(CHOICES)   # the drop-down reads
    for chosen in ((), (LOWER_BOUND,), (AT_LEAST, CONSTANT_PRICES_2010), (LOWER_BOUND, CONSTANT_PRICES_2010)):
        item = Reported(Extracted("r.txt", "retail_sales", "9M-2025", HOST, Decimal(24), "nghìn tỷ đồng", False,
                                  "đạt hơn 24 nghìn tỷ đồng", 0, location="dòng 1"), None, chosen)
        path = tmp_path / "r.xlsx"
        path.write_bytes(render_review([item]))
        assert [i.qualifiers for i in read_review(path)] == [chosen]


def test_learn_keeps_the_sheets_qualifiers_in_the_data(tmp_path, capsys):
    import shutil

    from briefgen.paths import DEFAULT_WORKSPACE

    data = shutil.copytree(DEFAULT_WORKSPACE.data, tmp_path / "data")
    item = Reported(Extracted("r.txt", "retail_sales", "9M-2025", "Lạng Sơn", Decimal(24000), "tỷ đồng", False,
                              "đạt hơn 24.000 tỷ đồng", 0, location="dòng 1"), None, (LOWER_BOUND,))
    sheet = tmp_path / "ra-soat.xlsx"
    sheet.write_bytes(render_review([item]))
    assert main(["learn", str(sheet), "--year", "2025", "--data-dir", str(data)]) == 0, capsys.readouterr()
    row = list(csv.DictReader(io.StringIO((data / "indicators.csv").read_text(encoding="utf-8"))))[-1]
    assert (row["indicator"], row["value"], row["qualifiers"]) == ("retail_sales", "24000", LOWER_BOUND)
