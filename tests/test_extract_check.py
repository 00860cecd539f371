"""``briefgen check-data`` on a small fixture: every quote states its value, every seed-sourced row is in its seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.cli import main

SEED = ("Năm 2022, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ toàn khu vực đạt 1.954 nghìn tỷ "
        "đồng, tăng 19,4% so cùng kỳ; xi măng đạt 80,3 triệu tấn.\n"
        "Những tháng đầu năm 2024, 25/28 địa phương có IIP tăng trưởng dương.\n")
HEADER = "edition_year,series,period,scope,indicator,subject,value,unit,estimate,status,source,quote,note\n"
GOOD = [
    '2023,phia_bac,2022,region,retail_sales,,1954,nghìn tỷ đồng,false,confirmed,s.txt,"đạt 1.954 nghìn tỷ đồng",\n',
    '2023,phia_bac,2022,region,retail_growth,,19.4,%,false,confirmed,s.txt,"tăng 19,4%",\n',
    '2023,phia_bac,2022,region,product_output,xi măng,80.3,triệu tấn,false,confirmed,s.txt,"xi măng đạt 80,3 triệu tấn",\n',
    '2014,phia_bac,9M-2014,region,export_value,,45.87,tỷ USD,false,english,https://example.vn/a,"xuất khẩu 9T/2014 45,87 tỷ USD",\n',
]


def write_fixture(root: Path, rows: list[str]) -> tuple[Path, Path]:
    data, seeds = root / "data", root / "seeds"
    data.mkdir()
    seeds.mkdir()
    (seeds / "s.txt").write_text(SEED, encoding="utf-8")
    (data / "indicators.csv").write_text(HEADER + "".join(rows), encoding="utf-8")
    return data, seeds


def run(root: Path, rows: list[str], *extra: str) -> int:
    data, seeds = write_fixture(root, rows)
    return main(["check-data", "--data-dir", str(data), "--seeds-dir", str(seeds), *extra])


def test_backed_rows_pass_and_urls_are_read_for_their_value(tmp_path, capsys):
    assert run(tmp_path, GOOD) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'data' / 'indicators.csv'}: 0 lỗi, 0 cảnh báo.\n"


@pytest.mark.parametrize("row, message", [
    ('2023,phia_bac,2022,region,retail_sales,,1945,nghìn tỷ đồng,false,confirmed,s.txt,"1.954 nghìn tỷ đồng",\n',
     "Lỗi: retail_sales 2022 region = 1945: trích dẫn không nêu giá trị 1.945 nghìn tỷ đồng"),
    ('2023,phia_bac,H1-2023,region,retail_sales,,1954,nghìn tỷ đồng,false,confirmed,s.txt,"1.954 nghìn tỷ đồng",\n',
     "Lỗi: retail_sales H1-2023 region = 1954: s.txt có giá trị này nhưng ở retail_sales 2022 region"),
    ('2023,phia_bac,2022,Hà Nội,retail_growth,,19.4,%,false,confirmed,s.txt,"tăng 19,4%",\n',
     "Lỗi: retail_growth 2022 Hà Nội = 19.4: s.txt có giá trị này nhưng ở retail_growth 2022 region"),
    ('2023,phia_bac,2022,region,export_growth,,19.4,%,false,confirmed,s.txt,"tăng 19,4%",\n',
     "Lỗi: export_growth 2022 region = 19.4: s.txt có giá trị này nhưng ở retail_growth 2022 region"),
    ('2023,phia_bac,2022,region,retail_growth,,19.4,%,false,confirmed,s.txt,"tăng 19,4 %",\n',
     "Lỗi: retail_growth 2022 region = 19.4: trích dẫn không có nguyên văn trong s.txt"),
    ('2023,phia_bac,2022,region,retail_growth,,19.4,%,false,confirmed,x.txt,"tăng 19,4%",\n',
     "Lỗi: retail_growth 2022 region = 19.4: không tìm thấy tệp nguồn x.txt"),
])
def test_a_row_the_seed_does_not_back_is_reported_by_line(tmp_path, capsys, row, message):
    assert run(tmp_path, GOOD + [row]) == 1
    path = tmp_path / "data" / "indicators.csv"
    expected = message.replace("{seeds}", str(tmp_path / "seeds"))
    assert capsys.readouterr().out.splitlines() == [f"{path}:6: {expected}", f"{path}: 1 lỗi, 0 cảnh báo."]


def test_months_the_seed_leaves_open_are_a_warning_unless_strict(tmp_path, capsys):
    row = '2024,phia_bac,H1-2024,region,provinces_count,iip_positive,25,/28,false,confirmed,s.txt,25/28 địa phương,\n'
    assert run(tmp_path, GOOD + [row]) == 0
    path = tmp_path / "data" / "indicators.csv"
    expected = [f"{path}:6: Cảnh báo: provinces_count H1-2024 region = 25: s.txt không nói rõ số tháng "
                "(trích dẫn: “Những tháng đầu năm 2024, 25/28 địa phương”)",
                f"{path}: 0 lỗi, 1 cảnh báo."]
    assert capsys.readouterr().out.splitlines() == expected
    (tmp_path / "strict").mkdir()
    assert run(tmp_path / "strict", GOOD + [row], "--strict") == 1


def test_missing_data_file_is_one_line(tmp_path, capsys):
    assert main(["check-data", "--data-dir", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"Lỗi: {tmp_path / 'indicators.csv'}: không tìm thấy tệp dữ liệu\n"


def test_missing_columns_are_named(tmp_path, capsys):
    (tmp_path / "indicators.csv").write_text("period,scope,value\n2022,region,1\n", encoding="utf-8")
    assert main(["check-data", "--data-dir", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (f"Lỗi: {tmp_path / 'indicators.csv'}, dòng 1: "
                                       "thiếu cột indicator, unit, source, quote\n")


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-inf", "1e5", "1.954,5", "sNaN"])
def test_a_value_that_is_no_plain_number_is_one_line_not_a_crash(tmp_path, capsys, value):
    """check-data refuses what the drafts' loader refuses, with file, line and column (was exit 3 on NaN)."""
    row = f'2023,phia_bac,2022,region,retail_sales,,"{value}",nghìn tỷ đồng,false,confirmed,s.txt,"x",\n'
    assert run(tmp_path, GOOD + [row]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Lỗi: {tmp_path / 'data' / 'indicators.csv'}, dòng 6, cột 'value': ")
    assert err.count("\n") == 1
