"""Unclassified figures in the review sheet: written "Không" with a note, never used even when marked "Có"
(as reading the report itself leaves them out), and two rows of one figure never dropped silently."""

from __future__ import annotations

import csv
import io
import shutil
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from briefgen.cli import main
from briefgen.extract.model import Figure as Extracted
from briefgen.extract.reported import USABLE, Reported
from briefgen.extract.review_sheet import REVIEW_SHEET, UNCLASSIFIED, read_review_rows, render_review
from briefgen.paths import DEFAULT_WORKSPACE

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_f8b9d7aac47d0da0.txt"
EDITION = ["--year", "2013", "--host", "Hà Nội"]
LEFT_OUT = ("34 dòng ghi 'Có' có chỉ tiêu chưa xác định (A6, A7, A8, A10, A11, …): không dùng, như khi đọc "
            "thẳng báo cáo; muốn dùng, ghi mã chỉ tiêu ở cột 'Mã chỉ tiêu'")


def _seed_sheet(tmp_path, capsys) -> Path:
    """Return the seed's review sheet with every row marked "Có", as a careless reviewer would leave it."""
    sheet = tmp_path / "e.xlsx"
    assert main(["extract", str(SEED), "--format", "xlsx", "-o", str(sheet)]) == 0
    capsys.readouterr()
    book = load_workbook(sheet)
    for row in book[REVIEW_SHEET].iter_rows(min_row=2):
        row[12].value = "Có"
    book.save(tmp_path / "all.xlsx")
    return tmp_path / "all.xlsx"


def test_extract_writes_unclassified_rows_as_khong_with_the_reason(tmp_path, capsys):
    sheet = tmp_path / "e.xlsx"
    assert main(["extract", str(SEED), "--format", "xlsx", "-o", str(sheet)]) == 0
    rows = list(load_workbook(sheet)[REVIEW_SHEET].iter_rows(min_row=2))
    unclassified = [r for r in rows if r[0].value not in USABLE]
    assert {r[0].value for r in unclassified} == {"other", "provinces_count"} and len(unclassified) == 34
    assert all(r[12].value == "Không" and r[12].comment.text == UNCLASSIFIED for r in unclassified)
    assert all(r[12].value == "Có" and r[12].comment is None for r in rows if r[0].value in USABLE)


def test_a_seed_sheet_marked_co_as_data_compares_no_unclassified_figure(tmp_path, capsys):
    sheet = _seed_sheet(tmp_path, capsys)
    assert main([*EDITION, "--out", str(tmp_path / "out"), "--data", str(sheet)]) == 0
    err = capsys.readouterr().err
    assert f"Cảnh báo: all.xlsx › Rà soát!A6: {LEFT_OUT}\n" in err
    assert "other" not in err and "@" not in err and "khác" not in err
    # the same as the report given directly: its figures are not of the edition's periods
    assert f"Cảnh báo: {SEED.name}: không có số liệu chỉ tiêu chính nào" in err


def test_learn_from_a_seed_sheet_marked_co_writes_no_unclassified_row(tmp_path, capsys):
    sheet = _seed_sheet(tmp_path, capsys)
    data = shutil.copytree(DEFAULT_WORKSPACE.data, tmp_path / "data")
    assert main(["learn", str(sheet), *EDITION, "--data-dir", str(data)]) == 0
    assert capsys.readouterr().err == f"Cảnh báo: all.xlsx › Rà soát!A6: {LEFT_OUT}\n"
    rows = list(csv.DictReader(io.StringIO((data / "indicators.csv").read_text(encoding="utf-8"))))
    assert not [r for r in rows if r["indicator"] not in USABLE and "rà soát" in r["note"].lower()]
    assert (data / "indicators.csv").read_bytes() == (DEFAULT_WORKSPACE.data / "indicators.csv").read_bytes()


def _retail(value: int, line: int) -> Reported:
    return Reported(Extracted("r.txt", "retail_sales", "9M-2025", "region", Decimal(value), "nghìn tỷ đồng",
                              False, f"đạt {value} nghìn tỷ đồng", 0, location=f"dòng {line}"), None)


TWICE = ("r.xlsx › Rà soát!A3: dòng 3 và dòng 2 cùng ghi tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu "
         "dùng của khu vực, 9 tháng đầu năm 2025: dùng 1.700 nghìn tỷ đồng (Rà soát!A2), bỏ 1.690 nghìn tỷ "
         "đồng (Rà soát!A3); cần kiểm tra")


def test_two_rows_of_one_figure_warn_naming_both_cells(tmp_path, capsys):
    sheet = tmp_path / "r.xlsx"
    sheet.write_bytes(render_review([_retail(1700, 1), _retail(1690, 2)]))
    read = read_review_rows(sheet)
    assert [i.figure.value for i in read.items] == [Decimal(1700)]
    assert [str(w) for w in read.warnings] == [TWICE]
    data = shutil.copytree(DEFAULT_WORKSPACE.data, tmp_path / "data")
    assert main(["learn", str(sheet), "--year", "2025", "--data-dir", str(data), "--dry-run"]) == 0
    assert capsys.readouterr().err == f"Cảnh báo: {TWICE}\n"
