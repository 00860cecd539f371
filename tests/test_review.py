"""Drafts that come back (issue 11): tagged figures survive editing; review says what changed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from briefgen.cli import main
from draft_edits import CHANGED, FILLS, delete_control, edit_controls, edited_draft

VALIDATOR = Path(__file__).resolve().parent.parent.parent / "shared" / "ooxml" / "validate.py"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _review(path: Path, capsys) -> dict:
    assert main(["review", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _ids(report: dict, kind: str) -> set[str]:
    return {item["id"] for item in report[kind]}


@pytest.fixture(scope="module")
def edited(draft_2025, tmp_path_factory) -> Path:
    return edited_draft(draft_2025.result.docx_path, tmp_path_factory.mktemp("edited"))


def test_every_figure_and_placeholder_sits_in_a_named_control(draft_2025):
    body = draft_2025.document.element.body
    controls = list(body.iter(qn("w:sdt")))
    names = [b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))]
    tags = {c.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val")) for c in controls}
    manifest = draft_2025.manifest
    expected = {f["control"]["tag"] for f in manifest["figures"] if "control" in f}
    expected |= {p["control"]["tag"] for p in manifest["placeholders"] if "control" in p}
    # 46 figures (5 national ones curated from public pages, export growth of 2024 and 9T/2025 among
    # them; the 6-month retail growth of 2024 in section IV's sentence beside its value; 2 provinces'
    # IIP in section III; 3 of the host's own) and 25 placeholders (4 ask for the publisher of a seed article in the sources annex; 2 national
    # IIP ones are filled; the products table has the region's 3 products of 9T/2025, not the 6
    # standard ones)
    assert tags == expected and len(expected) == 46 + 25
    assert len(names) == len(set(names)) == len(controls)
    assert all(n[0].isalpha() and len(n) <= 40 for n in names)
    for control in controls:
        properties = control.find(qn("w:sdtPr"))
        assert properties.find(qn("w:text")) is None     # rich text: LibreOffice paints its highlight
        assert " #" in properties.find(qn("w:alias")).get(qn("w:val"))


def test_each_placeholder_comment_spans_its_control(draft_2025):
    comment_ids = {str(c.comment_id) for c in draft_2025.document.comments}
    placeholders = [c for c in draft_2025.document.element.body.iter(qn("w:sdt"))
                    if c.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val")).startswith("ph:")]
    assert len(placeholders) >= 24
    for control in placeholders:
        start, end, reference = control.getprevious(), control.getnext(), control.getnext().getnext()
        assert (start.tag, end.tag) == (qn("w:commentRangeStart"), qn("w:commentRangeEnd"))
        assert start.get(qn("w:id")) == end.get(qn("w:id")) in comment_ids
        assert reference.find(qn("w:commentReference")).get(qn("w:id")) == start.get(qn("w:id"))
        assert next(control.iter(qn("w:highlight"))).get(qn("w:val")) == "yellow"


@pytest.mark.skipif(not VALIDATOR.exists(), reason="../shared/ooxml is absent")
def test_tagged_draft_is_schema_valid(draft_2025, edited):
    for path in (draft_2025.result.docx_path, edited):
        out = subprocess.run(["python3", str(VALIDATOR), str(path)], capture_output=True, text=True)
        assert out.returncode == 0 and " 0 schema errors" in out.stdout, out.stdout + out.stderr


def test_review_of_the_untouched_draft_lists_only_open_placeholders(draft_2025, capsys):
    report = _review(draft_2025.result.docx_path, capsys)
    assert (report["year"], report["host"], report["made_by_briefgen"]) == (2025, "Tuyên Quang", True)
    assert _ids(report, "open") == {p["id"] for p in draft_2025.manifest["placeholders"]}
    assert not any(report[k] for k in ("filled", "changed", "refused", "lost", "untagged"))


def _assert_edits_found(report: dict, manifest: dict) -> None:
    assert _ids(report, "filled") == set(FILLS)
    assert _ids(report, "changed") == {CHANGED}
    assert _ids(report, "open") == {p["id"] for p in manifest["placeholders"]} - set(FILLS)
    assert not report["refused"] and not report["lost"] and not report["untagged"]
    values = {(f["id"], f["value"]) for f in report["filled"]}
    assert ("retail_sales@region:9M-2025", "1720.5") in values
    assert ("retail_growth@region:9M-2025", "12.3") in values
    changed = report["changed"][0]
    assert changed["value"] == "615" and "nguồn ghi 613 cụm" in changed["detail"]
    assert changed["where"].startswith("II. KẾT QUẢ PHÁT TRIỂN NGÀNH CÔNG THƯƠNG › ")


def test_review_reports_exactly_the_filled_open_and_changed_figures(edited, draft_2025, capsys):
    _assert_edits_found(_review(edited, capsys), draft_2025.manifest)


def test_review_text_is_vietnamese_with_places(edited, capsys):
    assert main(["review", str(edited)]) == 0
    out = capsys.readouterr().out
    assert "Số liệu đã điền: 6" in out      # each of the three filled in the text and in a table
    assert "Số liệu có nguồn đã bị sửa, nay khác nguồn: 1" in out
    assert "› đoạn " in out and "› Bảng 2, dòng " in out


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed (./setup.sh installs it)")
def test_figures_are_identified_after_a_libreoffice_save(edited, draft_2025, tmp_path, capsys):
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "docx", "--outdir", str(tmp_path / "lo"), str(edited)],
                   check=True, capture_output=True, timeout=180)
    saved = tmp_path / "lo" / edited.name
    assert b"w:tag" not in zipfile.ZipFile(saved).read("word/document.xml")   # LibreOffice drops tags
    _assert_edits_found(_review(saved, capsys), draft_2025.manifest)


@pytest.mark.parametrize("text, reason", [
    ("1.720,5 tỷ đồng", "đơn vị 'tỷ đồng' khác đơn vị cần nhập 'nghìn tỷ đồng'"),
    ("-5", "giá trị không thể âm"),
    ("khoảng 1,7 triệu tỷ", "đơn vị 'triệu tỷ' khác đơn vị cần nhập 'nghìn tỷ đồng'"),
    ("chưa có", "không đọc được số liệu trong 'chưa có'"),
])
def test_wrong_unit_or_impossible_values_are_refused_with_their_place(draft_2025, tmp_path, capsys, text, reason):
    path = edit_controls(draft_2025.result.docx_path, tmp_path / "sai.docx",
                         {"retail_sales@region:9M-2025": text}, only_first=True)
    report = _review(path, capsys)
    refused = report["refused"]
    assert [r["id"] for r in refused] == ["retail_sales@region:9M-2025"]
    assert reason in refused[0]["detail"] and "› đoạn " in refused[0]["where"]


def test_a_count_above_the_total_is_refused(draft_2025, tmp_path, capsys):
    path = edit_controls(draft_2025.result.docx_path, tmp_path / "sai.docx",
                         {"provinces_count/iip_above_national@region:9M-2025": "19/18"})
    report = _review(path, capsys)
    assert "vượt quá tổng số 18 đơn vị" in report["refused"][0]["detail"]


def test_a_deleted_control_is_found_by_context_or_reported_lost(draft_2025, tmp_path, capsys):
    kept = delete_control(draft_2025.result.docx_path, tmp_path / "a.docx", CHANGED, "613")
    report = _review(kept, capsys)
    assert _ids(report, "untagged") == {CHANGED} and not report["lost"]
    gone = delete_control(draft_2025.result.docx_path, tmp_path / "b.docx", CHANGED, "")
    assert _ids(_review(gone, capsys), "lost") == {CHANGED}
    typed = delete_control(draft_2025.result.docx_path, tmp_path / "c.docx", "retail_sales@region:9M-2025",
                           "1.720,5 nghìn tỷ đồng")
    found = _review(typed, capsys)["untagged"]
    assert [(f["id"], f["value"], f["where"]) for f in found] == [
        ("retail_sales@region:9M-2025", "1720.5", "II. KẾT QUẢ PHÁT TRIỂN NGÀNH CÔNG THƯƠNG › đoạn 12")]
    assert found[0]["detail"] == "tìm thấy theo ngữ cảnh, không còn ô nội dung"


def test_a_docx_not_made_by_briefgen_is_said_so_with_figures_by_context(tmp_path, capsys):
    document = docx.Document()
    document.add_paragraph("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 9 tháng đầu năm 2025 "
                           "của khu vực ước đạt 1.720,5 nghìn tỷ đồng, tăng 12,3% so với cùng kỳ.")
    document.save(str(tmp_path / "khac.docx"))
    assert main(["review", str(tmp_path / "khac.docx")]) == 0
    out = capsys.readouterr().out
    assert "không phải dự thảo do briefgen soạn" in out
    assert ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 9 tháng đầu năm 2025, khu vực: "
            "1.720,5 nghìn tỷ đồng [Phần mở đầu › đoạn 1]") in out
    assert "retail_sales" not in out and "1720.5" not in out


@pytest.mark.parametrize("content, message", [
    (b"not a zip at all", "không phải tệp .docx (Word) hoặc tệp đã hỏng"),
    (None, "tệp .docx bị hỏng, không đọc được"),
])
def test_a_corrupted_file_exits_1_with_one_line(draft_2025, tmp_path, capsys, content, message):
    path = tmp_path / "hong.docx"
    if content is None:   # a zip without the document part
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
    else:
        path.write_bytes(content)
    assert main(["review", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and message in err and err.count("\n") == 1


def test_review_usage_errors_exit_2(capsys):
    assert main(["review"]) == 2
    assert "DRAFT.docx" in capsys.readouterr().err


def test_the_edited_draft_is_never_modified(edited, capsys):
    before = edited.read_bytes()
    _review(edited, capsys)
    assert edited.read_bytes() == before and os.access(edited, os.R_OK)


def test_one_figure_filled_with_two_values_is_an_inconsistency(draft_2025, tmp_path, capsys):
    every = edit_controls(draft_2025.result.docx_path, tmp_path / "a.docx",
                          {"retail_sales@region:9M-2025": "1.800"})
    both = edit_controls(every, tmp_path / "b.docx", {"retail_sales@region:9M-2025": "1.720,5 nghìn tỷ đồng"},
                         only_first=True)
    report = _review(both, capsys)
    assert report["inconsistencies"] == [
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng – 9 tháng đầu năm 2025 – khu vực: "
        "điền hai giá trị khác nhau (1.720,5; 1.800). Cần thống nhất."]


@pytest.mark.parametrize("command", [["review"], ["learn", "--dry-run"]])
def test_a_folder_given_as_the_draft_is_called_a_folder(tmp_path, capsys, command):
    """A folder is not "không tìm thấy": it exists, it is just not a file."""
    from briefgen.cli import main
    folder = tmp_path / "ban-sua"
    folder.mkdir()
    assert main([command[0], str(folder), *command[1:]]) == 1
    assert capsys.readouterr().err == f"Lỗi: {folder}: là thư mục, không phải tệp\n"


def test_the_counts_printed_are_the_manifests(tmp_path):
    """The CLI, the server and the manifest count the same figures (chart-only figures included)."""
    import json

    from briefgen.api import build_briefing
    result = build_briefing(2025, "Tuyên Quang", out_dir=tmp_path)
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert (result.figure_count, result.placeholder_count) == (len(manifest["figures"]), len(manifest["placeholders"]))
