"""``briefgen extract`` driven in-process: exact rows, messages, scores and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.extract.classify import CORE_INDICATORS
from briefgen.extract.cli import extract_files
from briefgen.extract.score import load_key, score

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = sorted((PROJECT / "seeds").glob("*.txt"))
KEY = PROJECT / "tests" / "extract_key.csv"

REPORT = ("Năm 2022, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ toàn khu vực đạt 1.954 nghìn tỷ "
          "đồng, tăng 19,4% so cùng kỳ, thấp hơn mức tăng của cả nước (cả nước tăng 21,67%).\n")
HEADER = "file,indicator,period,scope,value,unit,estimate,quote,start,location,qualifiers"
REPORT_ROWS = [
    HEADER,
    'r.txt,retail_sales,2022,region,1954,nghìn tỷ đồng,false,"Năm 2022, tổng mức bán lẻ hàng hóa '
    'và doanh thu dịch vụ toàn khu vực đạt 1.954 nghìn tỷ đồng",0,dòng 1,',
    'r.txt,retail_growth,2022,region,19.4,%,false,"tăng 19,4%",94,dòng 1,',
    'r.txt,retail_growth,2022,national,21.67,%,false,"cả nước tăng 21,67%",148,dòng 1,',
]


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_csv_rows_are_exact(report, capsys):
    assert main(["extract", str(report)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == HEADER
    assert out.splitlines() == REPORT_ROWS


def test_quotes_are_substrings_at_start(report, capsys):
    main(["extract", str(report)])
    for row in csv.DictReader(io.StringIO(capsys.readouterr().out)):
        start = int(row["start"])
        assert REPORT[start:start + len(row["quote"])] == row["quote"]


def test_json_has_the_same_records(report, capsys):
    assert main(["extract", "--format", "json", str(report)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[2] == {"file": "r.txt", "indicator": "retail_growth", "period": "2022",
                          "scope": "national", "value": "21.67", "unit": "%", "estimate": False,
                          "quote": "cả nước tăng 21,67%", "start": 148, "location": "dòng 1",
                          "qualifiers": []}
    assert [r["value"] for r in records] == ["1954", "19.4", "21.67"]


def test_output_file(report, tmp_path, capsys):
    out = tmp_path / "figures.csv"
    assert main(["extract", str(report), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert out.read_text(encoding="utf-8").splitlines() == REPORT_ROWS


def test_bad_files_are_named_and_the_others_still_processed(report, tmp_path, capsys):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Năm 2022 tăng 5%".encode("cp1258"))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    assert main(["extract", str(latin), str(empty), str(missing), str(report)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == REPORT_ROWS
    assert captured.err.splitlines() == [
        f"Lỗi: {latin}: không phải UTF-8 (byte 0xe3 ở vị trí 1); hãy lưu lại tệp ở mã UTF-8",
        f"Lỗi: {empty}: tệp rỗng",
        f"Lỗi: {missing}: không tìm thấy tệp",
    ]


def test_usage_error_exits_2(capsys):
    assert main(["extract", "--format", "xml", "x.txt"]) == 2
    assert "lựa chọn không hợp lệ 'xml'" in capsys.readouterr().err


def test_score_table_on_a_small_key(report, tmp_path, capsys):
    key = tmp_path / "key.csv"
    key.write_text("file,indicator,period,scope,value\n"
                   "r.txt,retail_sales,2022,region,1954.0\n"
                   "r.txt,retail_growth,2022,region,19.4\n"
                   "r.txt,export_value,2022,region,7\n", encoding="utf-8")
    assert main(["extract", "--score", str(key), "-v", str(report)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["indicator", "key", "found", "match", "prec", "recall", "F1"]
    table = {line.split()[0]: line.split()[1:] for line in lines[1:11]}
    assert table["retail_sales"] == ["1", "1", "1", "1.000", "1.000", "1.000"]
    assert table["retail_growth"] == ["1", "2", "1", "0.500", "1.000", "0.667"]
    assert table["export_value"] == ["1", "0", "0", "1.000", "0.000", "0.000"]
    assert table["core"] == ["3", "3", "2", "0.667", "0.667", "0.667"]
    assert table["all"] == ["3", "3", "2", "0.667", "0.667", "0.667"]
    assert lines[12].split() == ["scope", "(core)", "key", "found", "match", "prec", "recall", "F1"]
    assert lines[13].split() == ["region", "3", "2", "2", "1.000", "0.667", "0.800"]
    assert lines[14].split() == ["national", "0", "1", "0", "0.000", "1.000", "0.000"]
    assert lines[16:] == ["thiếu: r.txt,export_value,2022,region,7",
                          "thừa: r.txt,retail_growth,2022,national,21.67"]


def test_score_with_a_broken_key_names_the_line(report, tmp_path, capsys):
    key = tmp_path / "key.csv"
    key.write_text("file,indicator,period,scope,value\nr.txt,retail_sales,2022,region,abc\n",
                   encoding="utf-8")
    assert main(["extract", "--score", str(key), str(report)]) == 1
    assert capsys.readouterr().err == f"Lỗi: {key}, dòng 2, cột 'value': giá trị 'abc' không phải số\n"


def test_seed_scores_meet_the_targets():
    """Precision ≥ 0.95 and recall ≥ 0.9 on the core indicators, against the hand-labelled key."""
    figures, failed = extract_files(SEEDS)
    scores = {s.label: s for s in score(figures, load_key(KEY))}
    assert failed == 0
    assert scores["core"].precision >= 0.95 and scores["core"].recall >= 0.9
    for name in CORE_INDICATORS:
        assert scores[name].precision >= 0.95 and scores[name].recall >= 0.9, scores[name]
    assert scores["all"].precision >= 0.9 and scores["all"].recall >= 0.9


def test_key_quotes_are_verbatim_in_the_seeds():
    seeds = {p.name: p.read_text(encoding="utf-8") for p in SEEDS}
    with open(KEY, encoding="utf-8", newline="") as handle:
        missing = [row["quote"] for row in csv.DictReader(handle)
                   if row["quote"] not in seeds[row["file"]]]
    assert missing == []


def test_score_command_prints_the_documented_table(capsys):
    assert main(["extract", "--score", str(KEY), *map(str, SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines if line] == [
        "indicator", "iip_growth", "industrial_output_value", "retail_sales", "retail_growth",
        "export_value", "export_growth", "provinces_count", "other", "core", "all",
        "scope", "region", "national", "province"]


def test_score_matches_ranges_and_skips_a_metadata_line(tmp_path, capsys):
    text = tmp_path / "k.txt"
    text.write_text("# dev text; facts from https://example.org/2024/9-10\n"
                    "Năm 2024, kim ngạch xuất khẩu ước đạt khoảng 50,5-51 tỷ USD, tăng 6-7%.\n",
                    encoding="utf-8")
    key = tmp_path / "key.csv"
    key.write_text("file,indicator,period,scope,value\n"
                   "k.txt,export_value,2024,region,50.5-51\n"
                   "k.txt,export_growth,2024,region,6-8\n", encoding="utf-8")
    assert main(["extract", "--score", str(key), "--skip-comment-line", "-v", str(text)]) == 0
    lines = capsys.readouterr().out.splitlines()
    table = {line.split()[0]: line.split()[1:] for line in lines[1:11]}
    assert table["export_value"] == ["1", "1", "1", "1.000", "1.000", "1.000"]
    assert table["export_growth"] == ["1", "1", "0", "0.000", "0.000", "0.000"]
    assert lines[-2:] == ["thiếu: k.txt,export_growth,2024,region,6-8",
                          "thừa: k.txt,export_growth,2024,region,6-7"]


def test_metadata_line_is_not_extracted_and_offsets_refer_to_the_body(tmp_path, capsys):
    path = tmp_path / "k.txt"
    body = "Năm 2024, IIP tăng 9,5%.\n"
    path.write_text("# facts from https://example.org/tang-12%\n" + body, encoding="utf-8")
    assert main(["extract", "--skip-comment-line", str(path)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["value"], r["location"]) for r in rows] == [("9.5", "dòng 2")]
    assert body[int(rows[0]["start"]):].startswith(rows[0]["quote"])


@pytest.mark.parametrize("fmt, name", [("csv", "x.csv"), ("xlsx", "x.xlsx")])
def test_no_output_is_written_when_no_input_could_be_read(tmp_path, capsys, fmt, name):
    """exit 1 and nothing written: not a header-only CSV nor an empty review sheet."""
    from briefgen.cli import main as briefgen_main
    fake = tmp_path / "fake.docx"
    fake.write_text("not a docx", encoding="utf-8")
    assert briefgen_main(["extract", str(fake), "--format", fmt, "-o", str(tmp_path / name)]) == 1
    assert not (tmp_path / name).exists()
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith(f"Lỗi: {fake}: không phải tệp .docx hợp lệ")
