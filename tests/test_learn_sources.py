"""``learn`` of a checked province form and of a reviewed extraction sheet (issue 11)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from briefgen.cli import main
from briefgen.extract.model import Figure as Extracted
from briefgen.extract.reported import Reported
from briefgen.extract.review_sheet import REVIEW_SHEET, render_review
from briefgen.paths import DEFAULT_WORKSPACE
from forms_helpers import NINE_MONTHS as N
from forms_helpers import cell_of, edit, fill, key

HOST = "Tuyên Quang"
TODAY = f"{date.today():%d/%m/%Y}"
HOST_RETAIL = "retail_sales@Tuyên Quang:9M-2025#2025"
REGION_RETAIL = "retail_sales@region:9M-2025#2025"
REGION_RETAIL_WORDS = ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của khu vực, 9 tháng đầu năm 2025 "
                       "(kỳ hội nghị năm 2025)")


@pytest.fixture
def data_copy(tmp_path) -> Path:
    return Path(shutil.copytree(DEFAULT_WORKSPACE.data, tmp_path / "data"))


def _learn(capsys, data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["learn", *args, "--data-dir", str(data)])
    out = capsys.readouterr()
    return code, out.out, out.err


def _host_form(layout, dataset, folder: Path) -> Path:
    return fill(layout, dataset, folder / "bieu-mau.xlsx",
                {HOST: {key("retail_sales", N, "value"): "45678.9", key("retail_sales", N, "previous"): 40000}})


def test_a_form_is_learned_then_a_build_shows_it_from_data(layout, dataset, data_copy, tmp_path, capsys):
    form = _host_form(layout, dataset, tmp_path)
    code, out, _ = _learn(capsys, data_copy, str(form), "--year", "2025")
    assert code == 0 and "thêm 3, thay 0." in out, out
    assert "@region" not in out and "rank_in_region" not in out   # one province of 18: no total, no rank
    rows = (data_copy / "indicators.csv").read_text(encoding="utf-8")
    assert f'"bieu-mau.xlsx › Số liệu!V17, rà soát ngày {TODAY}"' in rows
    assert _learn(capsys, data_copy, str(form), "--year", "2025")[1].count("Đã có, giữ nguyên") == 3
    assert main(["--year", "2025", "--host", HOST, "--out", str(tmp_path / "out"), "--data-dir", str(data_copy),
                 "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    manifest = json.loads(Path(summary["manifest"]).read_text(encoding="utf-8"))
    figure = next(f for f in manifest["figures"] if f["id"] == HOST_RETAIL)
    assert figure["source"] == f"bieu-mau.xlsx › Số liệu!V17, rà soát ngày {TODAY}" and figure["value"] == "45678.9"


def test_complete_forms_teach_the_regional_total_and_a_conflict_needs_a_reason(layout, dataset, data_copy,
                                                                               tmp_path, capsys):
    values = {p.name: {key("retail_sales", N, "value"): 100000, key("retail_sales", N, "previous"): 90000}
              for p in layout.provinces}
    form = fill(layout, dataset, tmp_path / "bieu-mau.xlsx", values)
    code, out, _ = _learn(capsys, data_copy, str(form), "--year", "2025")
    assert code == 0 and f"Thêm: {REGION_RETAIL_WORDS} = 1.800 nghìn tỷ đồng (tính từ 18 biểu mẫu, rà soát ngày " in out
    corrected = edit(fill(layout, dataset, tmp_path / "sua" / "bieu-mau.xlsx", values),
                     {cell_of(layout, HOST, "retail_sales", N, "value"): 110000})
    before = (data_copy / "indicators.csv").read_bytes()
    line = next(n for n, row in enumerate(before.decode("utf-8").splitlines(), 1)
                if row.startswith(f"2025,phia_bac,9M-2025,{HOST},retail_sales,"))
    code, _, err = _learn(capsys, data_copy, str(corrected), "--year", "2025")
    assert code == 1 and "39 số liệu khác với dữ liệu có sẵn; không ghi tệp nào" in err, err
    assert (f"{HOST_RETAIL}: {data_copy / 'indicators.csv'}, dòng {line} ghi 100.000 tỷ đồng (nguồn bieu-mau.xlsx › "
            f"Số liệu!V17, rà soát ngày {TODAY}); biểu mẫu ghi 110.000 tỷ đồng") in err
    assert (data_copy / "indicators.csv").read_bytes() == before
    code, out, _ = _learn(capsys, data_copy, str(corrected), "--year", "2025", "--replace", "--reason", "tỉnh sửa")
    assert code == 0 and f"Thay: {REGION_RETAIL_WORDS} = 1.800 nghìn tỷ đồng bằng 1.810 nghìn tỷ đồng" in out, out
    rows = (data_copy / "indicators.csv").read_text(encoding="utf-8")
    assert f"Thay 100.000 tỷ đồng (bieu-mau.xlsx › Số liệu!V17, rà soát ngày {TODAY}) ngày {TODAY}: tỉnh sửa" in rows


def _item(indicator: str, scope: str, value: str, unit: str, location: str) -> Reported:
    return Reported(Extracted("lang-son.docx", indicator, "9M-2025", scope, Decimal(value), unit, False,
                              f"trích dẫn {location}", 0, location=location), "Cục Thống kê Lạng Sơn")


def test_a_review_sheet_teaches_only_the_rows_marked_co(data_copy, tmp_path, capsys):
    sheet = tmp_path / "ra-soat.xlsx"
    sheet.write_bytes(render_review([_item("iip_growth", "Lạng Sơn", "8.2", "%", "đoạn 3"),
                                     _item("retail_sales", "Lạng Sơn", "26000", "tỷ đồng", "đoạn 5")]))
    book = load_workbook(sheet)
    book[REVIEW_SHEET]["M3"] = "Không"
    book.save(sheet)
    code, out, _ = _learn(capsys, data_copy, str(sheet), "--year", "2025")
    assert code == 0 and "thêm 1, thay 0." in out and "retail_sales" not in out, out
    row = (data_copy / "indicators.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert row == (f'2025,phia_bac,9M-2025,Lạng Sơn,iip_growth,,8.2,%,false,confirmed,"lang-son.docx, đoạn 3, '
                   f'rà soát ngày {TODAY}",trích dẫn đoạn 3,Bổ sung từ bảng rà soát số liệu trích từ báo cáo '
                   f'của Cục Thống kê Lạng Sơn (ra-soat.xlsx),')   # qualifiers: none


def test_refused_inputs_write_nothing(layout, dataset, data_copy, tmp_path, capsys):
    before = (data_copy / "indicators.csv").read_bytes()
    form = _host_form(layout, dataset, tmp_path)
    code, _, err = _learn(capsys, data_copy, str(form))
    assert code == 2 and "biểu mẫu và bảng rà soát cần năm của kỳ hội nghị: thêm --year NĂM" in err
    bad = edit(_host_form(layout, dataset, tmp_path / "sai"), {cell_of(layout, HOST, "retail_sales", N, "value"): "abc"})
    code, _, err = _learn(capsys, data_copy, str(bad), "--year", "2025")
    assert code == 1 and "biểu mẫu có 1 lỗi; không bổ sung số liệu nào, không ghi tệp nào" in err, err
    assert "bieu-mau.xlsx › Số liệu!V17" in err
    example = DEFAULT_WORKSPACE.data.parent / "examples" / "bieu-mau-2025-vi-du.xlsx"
    code, _, err = _learn(capsys, data_copy, str(example), "--year", "2025")
    assert code == 1 and ("là biểu mẫu ví dụ (VÍ DỤ, số liệu giả định); số liệu giả định không được bổ sung "
                          "vào dữ liệu, không ghi tệp nào") in err, err
    assert (data_copy / "indicators.csv").read_bytes() == before
    assert not [p for p in data_copy.iterdir() if p.name.startswith(".")]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8")),
       name=st.sampled_from(["bieu-mau.csv", "bieu-mau.xlsx", "ra-soat.xlsx"]))
def test_any_file_is_learned_or_refused_never_a_crash(data_copy, tmp_path, capsys, content, name):
    before = (data_copy / "indicators.csv").read_bytes()
    path = tmp_path / name
    path.write_bytes(content)
    code, _, err = _learn(capsys, data_copy, str(path), "--year", "2025")
    assert code in (0, 1) and "Lỗi nội bộ" not in err, err
    assert (data_copy / "indicators.csv").read_bytes() == before or code == 0
    assert not [p for p in data_copy.iterdir() if p.name.startswith(".")]
