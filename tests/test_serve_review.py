"""``briefgen serve`` and edited drafts: ``--data`` uploads, ``POST /api/review`` and the review page."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings, strategies as st

from briefgen.cli import main
from draft_edits import CHANGED, FILLS, edit_controls, edited_draft
from serve_helpers import EXAMPLE, client

pytest.importorskip("fastapi")

TUYEN_QUANG = {"year": "2025", "host": "Tuyên Quang"}
USER_NAME = "Bản sửa của Sở <Công Thương>.docx"    # what the user called the file, HTML included


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    with client(tmp_path_factory.mktemp("review-out")) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def edited(draft_2025, tmp_path_factory) -> Path:
    return edited_draft(draft_2025.result.docx_path, tmp_path_factory.mktemp("edited"))


@pytest.fixture(scope="module")
def refused(draft_2025, tmp_path_factory) -> Path:
    """The 2025 draft with a sales figure typed in the wrong unit."""
    return edit_controls(draft_2025.result.docx_path, tmp_path_factory.mktemp("refused") / "r.docx",
                         {"retail_sales@region:9M-2025": "1.720,5 cụm"})


@pytest.fixture(autouse=True)
def nothing_kept(api):
    """Every test ends with the server's temporary folder empty: uploads live only for their request."""
    yield
    assert list(api.app.state.workshop.scratch.iterdir()) == []


def _review(api, name: str, data: bytes):
    return api.post("/api/review", files={"file": (name, data)})


def _cli_review(path: Path, capsys) -> dict:
    assert main(["review", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _ids(report: dict, kind: str) -> set[str]:
    return {item["id"] for item in report[kind]}


def _files_in(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


def test_an_untouched_draft_reviews_as_the_cli_does(api, draft_2025, capsys):
    response = _review(api, "bao-cao.docx", draft_2025.result.docx_path.read_bytes())
    assert response.status_code == 200
    report = response.json()
    assert report == {**_cli_review(draft_2025.result.docx_path, capsys), "draft": "bao-cao.docx"}
    assert report["made_by_briefgen"] is True and (report["year"], report["host"]) == (2025, "Tuyên Quang")
    assert report["open"] and not any(report[k] for k in ("filled", "changed", "refused", "lost", "untagged"))


def test_an_edited_draft_shows_filled_and_changed_figures(api, edited):
    report = _review(api, USER_NAME, edited.read_bytes()).json()
    assert report["draft"] == USER_NAME
    assert set(FILLS) <= _ids(report, "filled") and not set(FILLS) & _ids(report, "open")
    assert _ids(report, "changed") == {CHANGED}
    (changed,) = report["changed"]
    assert changed["value"] == "615" and changed["detail"].startswith("nguồn ghi 613 cụm (")
    assert changed["where"].startswith("II. KẾT QUẢ PHÁT TRIỂN NGÀNH CÔNG THƯƠNG › đoạn ")


def test_a_value_in_the_wrong_unit_is_refused_with_its_place(api, refused):
    report = _review(api, "r.docx", refused.read_bytes()).json()
    assert {item["id"] for item in report["refused"]} == {"retail_sales@region:9M-2025"}
    item = report["refused"][0]
    assert item["text"] == "1.720,5 cụm" and item["where"].startswith("II. KẾT QUẢ") and item["detail"]


def test_a_document_briefgen_did_not_make_lists_figures_by_context(api):
    document = docx.Document()
    document.add_paragraph("Tổng mức bán lẻ hàng hóa 9 tháng năm 2025 của khu vực đạt 1.720,5 nghìn tỷ đồng, tăng 12,3%.")
    buffer = io.BytesIO()
    document.save(buffer)
    response = _review(api, "van-ban-khac.docx", buffer.getvalue())
    assert response.status_code == 200
    report = response.json()
    assert report["made_by_briefgen"] is False and report["year"] is None and report["open"] == []
    assert any(line.startswith("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 9 tháng đầu năm 2025, khu "
                               "vực: 1.720,5 nghìn tỷ đồng [") for line in report["context_figures"]), report
    assert any(", khu vực: 12,3% [" in line for line in report["context_figures"])
    assert not any("retail_sales" in line or "1720.5" in line for line in report["context_figures"])


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("name, data, status, message", [
    ("du-thao.docx", b"Day khong phai tep Word", 400, "nội dung tệp không phải dự thảo Word (.docx)"),
    ("du-thao.docx", _zip({"xl/workbook.xml": b"<x/>"}), 400, "nội dung tệp không phải dự thảo Word (.docx)"),
    ("bieu-mau.xlsx", EXAMPLE.read_bytes(), 400, "không nhận loại tệp '.xlsx'; chỉ nhận .docx"),
    ("du-thao", b"PK", 400, "không nhận loại tệp 'du-thao'; chỉ nhận .docx"),
], ids=["text", "zip-without-document", "xlsx", "no-extension"])
def test_what_is_not_a_docx_is_refused(api, name, data, status, message):
    response = _review(api, name, data)
    assert response.status_code == status
    assert response.json()["errors"] == [{"where": name, "message": message}]


def test_a_corrupted_docx_is_a_user_error_with_the_users_name(api, draft_2025):
    whole = draft_2025.result.docx_path.read_bytes()
    truncated = _review(api, USER_NAME, whole[: len(whole) // 2])
    assert truncated.status_code == 400
    assert truncated.json()["errors"] == [{"where": USER_NAME, "message": "nội dung tệp không phải dự thảo Word (.docx)"}]
    broken = _zip({"[Content_Types].xml": b"<Types", "word/document.xml": b"<w:document"})
    response = _review(api, USER_NAME, broken)
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["where"] == USER_NAME and error["message"].startswith("tệp .docx bị hỏng, không đọc được (")
    assert "upload-" not in json.dumps(response.json())      # no server path leaks


def test_review_needs_a_file_and_refuses_one_too_large(api, tmp_path, draft_2025):
    missing = api.post("/api/review", data={})
    assert missing.status_code == 422
    assert missing.json()["errors"] == [{"where": "file", "message": "thiếu giá trị bắt buộc"}]
    with client(tmp_path, max_file_bytes=1000) as small:
        big = small.post("/api/review", files={"file": ("lon.docx", draft_2025.result.docx_path.read_bytes())})
        assert list(small.app.state.workshop.scratch.iterdir()) == []
    assert big.status_code == 413
    (error,) = big.json()["errors"]
    assert error["where"] == "lon.docx" and error["message"].startswith("tệp quá lớn (")


def test_an_edited_draft_as_data_fills_the_placeholders(api, edited):
    response = api.post("/api/drafts", data=TUYEN_QUANG, files=[("files", (USER_NAME, edited.read_bytes()))])
    assert response.status_code == 201
    built = response.json()
    assert not set(FILLS) & {p["id"] for p in built["placeholders"]}
    used = {f["id"]: f for f in api.get(built["manifest"]).json()["figures"]}
    sales = used["retail_sales@region:9M-2025#2025"]
    assert sales["value"] == "1720.5" and sales["quote"] == "1.720,5 nghìn tỷ đồng"
    assert sales["source"].startswith(f"{USER_NAME}, ô nội dung bg_")  # saved under the user's own name
    rebuilt = _review(api, "moi.docx", api.get(built["docx"]).content).json()
    assert not set(FILLS) & _ids(rebuilt, "open") and rebuilt["changed"] == []


def test_a_draft_of_another_year_is_refused_by_its_users_name(api, edited):
    before = _files_in(api.app.state.workshop.out_dir)
    response = api.post("/api/drafts", data={"year": "2024", "host": "Tuyên Quang"},
                        files=[("files", (USER_NAME, edited.read_bytes()))])
    assert response.status_code == 400
    assert response.json()["errors"] == [{"where": USER_NAME, "message": "dự thảo của hội nghị năm 2025 "
                                          "(Tuyên Quang), không dùng cho năm 2024 (Tuyên Quang)"}]
    assert _files_in(api.app.state.workshop.out_dir) == before


def test_refused_values_in_a_data_draft_are_listed_with_their_place(api, refused):
    before = _files_in(api.app.state.workshop.out_dir)
    response = api.post("/api/drafts", data=TUYEN_QUANG, files=[("files", ("Sở gửi.docx", refused.read_bytes()))])
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["where"].startswith("Sở gửi.docx › II. KẾT QUẢ PHÁT TRIỂN NGÀNH CÔNG THƯƠNG › đoạn ")
    assert error["message"].startswith("Tổng mức bán lẻ")
    assert _files_in(api.app.state.workshop.out_dir) == before


# --- the page --------------------------------------------------------------------------------------

def test_the_review_page_shows_the_findings_in_plain_words(api, edited):
    response = api.post("/review", files={"file": (USER_NAME, edited.read_bytes())})
    assert response.status_code == 200
    html = response.text
    assert "Dự thảo <strong>Bản sửa của Sở &lt;Công Thương&gt;.docx</strong>: hội nghị năm 2025, Tuyên Quang." in html
    assert '<h2 id="changed">Số liệu có nguồn đã bị sửa, nay khác nguồn (1)</h2>' in html
    assert "<td>615</td><td>nguồn ghi 613 cụm (" in html
    assert '<h2 id="filled">Số liệu đã điền (' in html and "<td>1.720,5 nghìn tỷ đồng</td>" in html
    assert '<h2 id="open">Chỗ còn trống, cần bổ sung (' in html and "<th>Cần bổ sung</th>" in html
    assert '<h2 id="inconsistencies">Số liệu không khớp nhau (' in html
    assert 'id="review-form"' in html   # check another one


@pytest.mark.parametrize("files, status, shown", [
    ({"file": ("<i>x.docx", b"hello")}, 400,
     '<span class="where">&lt;i&gt;x.docx</span>: nội dung tệp không phải dự thảo Word (.docx)'),
    ({"file": ("", b"")}, 400, '<span class="where">file</span>: chưa đính kèm dự thảo (.docx) cần kiểm tra'),
])
def test_the_review_page_shows_errors_escaped(api, files, status, shown):
    response = api.post("/review", files=files)
    assert response.status_code == status
    assert "Chưa kiểm tra được dự thảo; tệp không được lưu lại." in response.text and shown in response.text
    assert "<i>x" not in response.text


def test_the_review_page_says_when_briefgen_did_not_make_the_file(api):
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    html = api.post("/review", files={"file": ("khac.docx", buffer.getvalue())}).text
    assert "Tệp <strong>khac.docx</strong> không phải dự thảo do briefgen soạn" in html
    assert api.get("/review", follow_redirects=False).headers["location"] == "/#review"


def test_building_from_the_page_names_a_wrong_draft_by_its_users_name(api, edited):
    response = api.post("/drafts", data={"year": "2024", "host": "Tuyên Quang"},
                        files=[("files", (USER_NAME, edited.read_bytes()))])
    assert response.status_code == 400
    assert ('<span class="where">Bản sửa của Sở &lt;Công Thương&gt;.docx</span>: dự thảo của hội nghị năm 2025'
            in response.text)


# --- names ------------------------------------------------------------------------------------------

def test_server_names_become_the_users_names_once():
    from briefgen.serve.user_names import renamer

    rename = renamer({Path("/tmp/upload-x/bao-cao.docx"): "_bao-cao.docx"})
    assert rename("/tmp/upload-x/bao-cao.docx: hỏng; bao-cao.docx › đoạn 2") == "_bao-cao.docx: hỏng; _bao-cao.docx › đoạn 2"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_a_shown_file_name_has_no_folder_and_no_control_character(filename):
    from briefgen.serve.uploads import display_name

    shown = display_name(filename)
    assert shown and len(shown) <= 120 and "/" not in shown and "\\" not in shown
    assert all(c.isprintable() for c in shown)


# --- hostile uploads ----------------------------------------------------------------------------------

_DOCUMENT_XML = st.one_of(st.binary(max_size=300), st.text(max_size=200).map(lambda t: t.encode("utf-8")),
                          st.just(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                                  b'wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>'))


@settings(max_examples=25, deadline=None)
@given(st.one_of(st.binary(max_size=400),
                 st.builds(lambda xml, extra: _zip({"word/document.xml": xml, **extra}), _DOCUMENT_XML,
                           st.dictionaries(st.sampled_from(["[Content_Types].xml", "docProps/custom.xml",
                                                            "word/_rels/document.xml.rels"]),
                                           st.binary(max_size=200), max_size=3))))
def test_any_bytes_as_a_draft_give_a_review_or_a_vietnamese_400(api, data):
    response = _review(api, "bat-ky.docx", data)
    assert response.status_code in (200, 400), response.text[:300]
    body = response.json()
    if response.status_code == 400:
        assert body["ok"] is False and body["errors"][0]["where"] == "bat-ky.docx"
        assert "upload-" not in json.dumps(body, ensure_ascii=False)
    else:
        assert body["draft"] == "bat-ky.docx" and body["made_by_briefgen"] in (True, False)
    assert list(api.app.state.workshop.scratch.iterdir()) == []
