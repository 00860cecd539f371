"""Filled figures flow back (issue 11): --data EDITED.docx, learn, and next year's comparison."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest

from briefgen.cli import main
from briefgen.paths import DEFAULT_WORKSPACE
from docx_text import cell_text, text_of
from draft_edits import CHANGED, FILLS, edit_controls, edited_draft

HOST = "Tuyên Quang"


@pytest.fixture(scope="module")
def edited(draft_2025, tmp_path_factory) -> Path:
    return edited_draft(draft_2025.result.docx_path, tmp_path_factory.mktemp("edited"))


def _build(capsys, out: Path, *extra: str, year: int = 2025) -> dict:
    assert main(["--year", str(year), "--host", HOST, "--out", str(out), *extra, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    return json.loads(Path(summary["manifest"]).read_text(encoding="utf-8"))


def _text(manifest: dict, out: Path) -> str:
    document = docx.Document(str(out / "2025-tuyen-quang" / manifest["docx"]))
    return "\n".join([text_of(p) for p in document.paragraphs]
                     + [cell_text(c) for t in document.tables for r in t.rows for c in r.cells])


def test_data_edited_docx_keeps_the_filled_figures_with_provenance(edited, tmp_path, capsys):
    manifest = _build(capsys, tmp_path, "--data", str(edited))
    assert manifest["drafts"] == [str(edited)]
    open_ids = {p["id"] for p in manifest["placeholders"]}
    assert not open_ids & set(FILLS)
    figures = {f["id"]: f for f in manifest["figures"]}
    retail = figures["retail_sales@region:9M-2025#2025"]
    assert retail["value"] == "1720.5" and retail["quote"] == "1.720,5 nghìn tỷ đồng"
    assert retail["source"].startswith("bao-cao-2025-da-sua.docx, ô nội dung bg_4264fdef, II. KẾT QUẢ")
    assert figures[CHANGED]["value"] == "615"
    # The corrected figure replaced the one on record: a warning names both (issue 9, one merge step).
    [warning] = manifest["warnings"]
    assert warning["where"].startswith("data/indicators.csv, dòng ")       # where data/ had it
    assert warning["message"].startswith(
        "số cụm công nghiệp đã có quyết định thành lập của khu vực, 9 tháng đầu năm 2025: 613 cụm (dữ liệu có sẵn) "
        "được thay bằng 615 cụm từ dự thảo đã sửa (bao-cao-2025-da-sua.docx, ô nội dung bg_")
    assert "1.720,5 nghìn tỷ đồng" in _text(manifest, tmp_path)


@pytest.mark.parametrize("year, host, message", [
    (2024, "Tuyên Quang", "dự thảo của hội nghị năm 2025 (Tuyên Quang), không dùng cho năm 2024 (Tuyên Quang)"),
    (2025, "Quảng Ninh", "dự thảo của hội nghị năm 2025 (Tuyên Quang), không dùng cho năm 2025 (Quảng Ninh)"),
])
def test_a_draft_of_another_year_or_host_is_refused(edited, tmp_path, capsys, year, host, message):
    assert main(["--year", str(year), "--host", host, "--out", str(tmp_path), "--data", str(edited)]) == 1
    assert message in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_a_docx_not_made_by_briefgen_is_read_as_a_report_and_an_empty_one_refused(tmp_path, capsys):
    docx.Document().save(str(tmp_path / "khac.docx"))
    assert main(["--year", "2025", "--host", HOST, "--out", str(tmp_path / "out"),
                 "--data", str(tmp_path / "khac.docx")]) == 1
    assert capsys.readouterr().err == f"Lỗi: {tmp_path / 'khac.docx'}: không có nội dung văn bản\n"
    assert not (tmp_path / "out").exists()


def test_a_wrong_unit_stops_the_build_with_its_place(draft_2025, tmp_path, capsys):
    wrong = edit_controls(draft_2025.result.docx_path, tmp_path / "sai.docx",
                          {"retail_sales@region:9M-2025": "1.720,5 tỷ đồng"}, only_first=True)
    assert main(["--year", "2025", "--host", HOST, "--out", str(tmp_path / "out"), "--data", str(wrong)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("Lỗi: sai.docx › II. KẾT QUẢ PHÁT TRIỂN NGÀNH CÔNG THƯƠNG › đoạn ")
    assert err[0].endswith("đơn vị 'tỷ đồng' khác đơn vị cần nhập 'nghìn tỷ đồng'")
    assert not (tmp_path / "out").exists()


@pytest.fixture()
def data_copy(tmp_path) -> Path:
    return Path(shutil.copytree(DEFAULT_WORKSPACE.data, tmp_path / "data"))


def _learn(capsys, data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["learn", *args, "--data-dir", str(data)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_learn_never_overwrites_without_a_reason(edited, data_copy, capsys):
    before = (data_copy / "indicators.csv").read_bytes()
    code, out, _ = _learn(capsys, data_copy, str(edited), "--dry-run", "--replace", "--reason", "đính chính")
    assert code == 0 and "Chạy thử (--dry-run): không ghi tệp nào." in out and out.count("Thêm: ") == 3
    code, _, err = _learn(capsys, data_copy, str(edited))
    assert code == 1 and "1 số liệu khác với dữ liệu có sẵn; không ghi tệp nào" in err
    assert "dòng 195 ghi 613 cụm" in err and "dự thảo ghi 615 cụm" in err
    assert (data_copy / "indicators.csv").read_bytes() == before
    assert main(["learn", str(edited), "--replace", "--data-dir", str(data_copy)]) == 2


def test_learn_then_build_shows_the_filled_figures_this_year_and_next(edited, data_copy, tmp_path, capsys):
    code, out, _ = _learn(capsys, data_copy, str(edited), "--replace", "--reason", "Sở Công Thương đính chính")
    assert code == 0 and "thêm 3, thay 1." in out
    rows = (data_copy / "indicators.csv").read_text(encoding="utf-8")
    assert "Thay 613 cụm (https://nhandan.vn/" in rows and ": Sở Công Thương đính chính" in rows
    assert _learn(capsys, data_copy, str(edited))[1].count("Đã có, giữ nguyên") == 4   # idempotent
    manifest = _build(capsys, tmp_path / "y2025", "--data-dir", str(data_copy))
    assert not {p["id"] for p in manifest["placeholders"]} & set(FILLS)
    retail = next(f for f in manifest["figures"] if f["id"] == "retail_sales@region:9M-2025#2025")
    assert "ô nội dung bg_4264fdef" in retail["source"] and "rà soát ngày " in retail["source"]
    next_year = _build(capsys, tmp_path / "y2026", "--data-dir", str(data_copy), year=2026)
    learned = next(f for f in next_year["figures"] if f["id"] == "retail_sales@region:9M-2025#2025")
    assert any(w.startswith("IV. SO SÁNH VỚI CÁC KỲ HỘI NGHỊ TRƯỚC") for w in learned["where"])


def test_learn_refuses_bad_drafts_and_writes_nothing(draft_2025, data_copy, tmp_path, capsys):
    before = (data_copy / "indicators.csv").read_bytes()
    docx.Document().save(str(tmp_path / "khac.docx"))
    (tmp_path / "hong.docx").write_bytes(draft_2025.result.docx_path.read_bytes()[:5000])
    wrong = edit_controls(draft_2025.result.docx_path, tmp_path / "sai.docx",
                          {"provinces_count/iip_above_national@region:9M-2025": "19/18"}, only_first=True)
    for path, message in ((tmp_path / "khac.docx", "không phải dự thảo do briefgen soạn"),
                          (tmp_path / "hong.docx", "không phải tệp .docx (Word) hoặc tệp đã hỏng"),
                          (wrong, "'19/18': vượt quá tổng số 18 đơn vị")):
        code, _, err = _learn(capsys, data_copy, str(path))
        assert code == 1 and message in err, err
    assert (data_copy / "indicators.csv").read_bytes() == before
    assert not [p for p in data_copy.iterdir() if p.name.startswith(".")]


EARLIER = "retail_sales@region:2012#2013"     # a figure of the 2013 edition (series tdmnbb) in section IV


@pytest.fixture(scope="module")
def earlier_edited(draft_2025, tmp_path_factory) -> Path:
    """The 2025 draft with the 2013 edition's regional retail sales of 2012 corrected from 120.056 to 2.000."""
    return edit_controls(draft_2025.result.docx_path, tmp_path_factory.mktemp("earlier") / "sua-2013.docx",
                         {EARLIER: "2.000"})


def test_data_takes_a_correction_of_an_earlier_edition_under_its_own_id(earlier_edited, tmp_path, capsys):
    manifest = _build(capsys, tmp_path, "--data", str(earlier_edited))
    figures = {f["id"]: f for f in manifest["figures"]}
    assert figures[EARLIER]["value"] == "2000" and "retail_sales@region:2012#2025" not in figures
    [warning] = manifest["warnings"]
    assert warning["where"] == "data/indicators.csv, dòng 39"
    assert warning["message"] == (
        "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của khu vực, năm 2012: 120.056 tỷ đồng "
        "(dữ liệu có sẵn) được thay bằng 2.000 tỷ đồng từ dự thảo đã sửa (sua-2013.docx, ô nội dung bg_45f44528, "
        "IV. SO SÁNH VỚI CÁC KỲ HỘI NGHỊ TRƯỚC › Bảng 3, dòng 2, cột 5)")


def test_learn_replaces_the_earlier_editions_row_only_with_a_reason(earlier_edited, data_copy, capsys):
    table = data_copy / "indicators.csv"
    before = table.read_bytes()
    code, out, err = _learn(capsys, data_copy, str(earlier_edited))
    assert code == 1 and table.read_bytes() == before and "Thêm: " not in out
    assert err.startswith(f"Lỗi: {EARLIER}: {table}, dòng 39 ghi 120.056 tỷ đồng (nguồn 000_f8b9d7aac47d0da0.txt); "
                          f"dự thảo ghi 2.000 tỷ đồng (sua-2013.docx, ô nội dung bg_45f44528, IV. SO SÁNH")
    code, out, _ = _learn(capsys, data_copy, str(earlier_edited), "--replace", "--reason", "đính chính")
    assert code == 0 and "thêm 0, thay 1." in out
    rows = [r for r in table.read_text(encoding="utf-8").splitlines() if ",region,retail_sales,," in r]
    assert [r for r in rows if r.startswith("2013,tdmnbb,2012,")][0].startswith(
        "2013,tdmnbb,2012,region,retail_sales,,2000,tỷ đồng,")
    assert not [r for r in rows if r.startswith("2025,") and ",2012,region," in r]
