"""``briefgen serve``'s JSON API, in-process: every endpoint and every class of error."""

from __future__ import annotations

import io
import json
import logging
import threading
import zipfile
from urllib.parse import quote

import docx
import pytest
from hypothesis import given, settings, strategies as st

from serve_helpers import EXAMPLE, client, example_upload

pytest.importorskip("fastapi")

TUYEN_QUANG = {"year": "2025", "host": "tuyen quang"}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return tmp_path_factory.mktemp("serve-out")


@pytest.fixture(scope="module")
def api(out):
    with client(out) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def built(api) -> dict:
    """The summary of one draft built from the example form."""
    response = api.post("/api/drafts", data=TUYEN_QUANG, files=[example_upload()])
    assert response.status_code == 201, response.text
    return response.json()


def _files_in(folder) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


def test_health_answers(api):
    body = api.get("/api/health").json()
    assert body["ok"] is True and body["workers"] >= 1


def test_a_draft_is_built_from_an_uploaded_form(api, built, out):
    assert built["id"] == "2025-tuyen-quang-v1"
    assert (built["ok"], built["host"], built["year"], built["version"]) == (True, "Tuyên Quang", 2025, 1)
    assert built["figures"] > 300 and built["placeholders"] and built["charts"] == []  # native: no PNG
    assert all(p["need"].startswith("Cần bổ sung") for p in built["placeholders"])
    assert str(out) not in json.dumps(built), "server paths leak into the summary"
    document = docx.Document(io.BytesIO(api.get(built["docx"]).content))
    assert "Tuyên Quang" in "\n".join(p.text for p in document.paragraphs)
    manifest = api.get(built["manifest"]).json()
    assert manifest["forms"]["files"] == ["bieu-mau-2025-vi-du.xlsx"] and manifest["forms"]["example"]
    assert [c["id"] for c in manifest["charts"]][:2] == ["retail_history", "export_history"]


def test_list_and_get_a_draft(api, built):
    listed = {d["id"]: d for d in api.get("/api/drafts").json()["drafts"]}
    assert listed[built["id"]]["host"] == "Tuyên Quang" and listed[built["id"]]["docx"] == built["docx"]
    assert api.get(f"/api/drafts/{built['id']}").json() == built


def test_a_restarted_server_lists_earlier_drafts(built, out):
    with client(out) as again:
        assert again.get(f"/api/drafts/{built['id']}").json()["figures"] == built["figures"]


def test_three_concurrent_builds_of_one_host_get_three_versions(api, out):
    results = []

    def post():
        results.append(api.post("/api/drafts", data={"year": "2023", "host": "Quảng Ninh"}))

    threads = [threading.Thread(target=post) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.status_code for r in results] == [201] * 3, [r.text for r in results]
    ids = sorted(r.json()["id"] for r in results)
    assert ids == ["2023-quang-ninh-v1", "2023-quang-ninh-v2", "2023-quang-ninh-v3"]
    assert len(list((out / "2023-quang-ninh").glob("*.docx"))) == 3
    manifests = {r.json()["id"]: api.get(r.json()["manifest"]).json()["docx"] for r in results}
    assert manifests == {"2023-quang-ninh-v1": "bao-cao-2023-quang-ninh.docx",
                         "2023-quang-ninh-v2": "bao-cao-2023-quang-ninh-v2.docx",
                         "2023-quang-ninh-v3": "bao-cao-2023-quang-ninh-v3.docx"}


@pytest.mark.parametrize("data, status, where, message", [
    ({"year": "1990", "host": "Tuyên Quang"}, 400, "year",
     "năm 1990 nằm ngoài dữ liệu hội nghị; chọn một năm từ 2013 đến 2026"),
    ({"year": "abc", "host": "Tuyên Quang"}, 422, "year", "cần một số nguyên"),
    ({"year": "2025"}, 422, "host", "thiếu giá trị bắt buộc"),
    ({"year": "2025", "host": "Tuyên Quang", "date": "17/10/2025"}, 422, "date",
     "ngày không hợp lệ, cần dạng YYYY-MM-DD"),
    ({"year": "2025", "host": "Tuyên Quang", "date": "2024-10-17"}, 400, None,
     "ngày hội nghị 2024-10-17 không thuộc năm 2025."),
    ({"year": "2025", "host": "xyz"}, 400, None, "không có tỉnh, thành phố nào tên 'xyz'."),
], ids=["year-outside-data", "year-not-a-number", "no-host", "bad-date", "date-of-another-year",
        "unknown-host"])
def test_request_errors_are_vietnamese_and_write_nothing(api, out, data, status, where, message):
    before = _files_in(out)
    response = api.post("/api/drafts", data=data)
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and body["errors"][0] == {"where": where, "message": message}
    assert _files_in(out) == before


def test_a_host_merged_away_names_its_successor(api):
    body = api.post("/api/drafts", data={"year": "2025", "host": "ha giang"}).json()
    assert "không còn là đơn vị hành chính cấp tỉnh" in body["errors"][0]["message"]
    assert body["hint"] == 'dùng đơn vị kế thừa: --host "Tuyên Quang"'


@pytest.mark.parametrize("name, data, message", [
    ("du-thao.docx", b"PK\x03\x04rest", "nội dung tệp không phải dự thảo Word (.docx)"),
    ("bieu-mau", b"a,b\n", "không nhận loại tệp 'bieu-mau'; chỉ nhận .xlsx, .csv, .docx"),
    ("ghi-chu.txt", b"a,b\n", "không nhận loại tệp '.txt'; chỉ nhận .xlsx, .csv, .docx"),
    ("bieu-mau.xlsx", b"province,value\n", "nội dung tệp không phải biểu mẫu Excel (.xlsx)"),
    ("bieu-mau.csv", b"\xff\xfe\x00a\x00b", "nội dung tệp không phải biểu mẫu CSV (.csv, mã UTF-8)"),
], ids=["docx-not-zip", "no-extension", "txt", "xlsx-not-zip", "csv-not-utf8"])
def test_only_accepted_kinds_are_taken(api, out, name, data, message):
    before = _files_in(out)
    response = api.post("/api/drafts", data=TUYEN_QUANG, files=[("files", (name, data))])
    assert response.status_code == 400
    assert response.json()["errors"] == [{"where": name, "message": message}]
    assert _files_in(out) == before


def test_a_form_with_errors_names_file_and_place(api, out):
    before = _files_in(out)
    response = api.post("/api/drafts", data=TUYEN_QUANG, files=[("files", ("So lieu Tuyên Quang.csv", b"a,b\n1,2\n"))])
    assert response.status_code == 400
    body = response.json()
    assert body["errors"][0]["where"] == "So lieu Tuyên Quang.csv"   # the user's name, not the server's
    assert "tệp không theo biểu mẫu của briefgen" in body["errors"][0]["message"]
    assert _files_in(out) == before


def test_too_large_and_too_many_files_are_413(tmp_path):
    with client(tmp_path, max_file_bytes=1000, max_files=2) as small:
        big = small.post("/api/drafts", data=TUYEN_QUANG, files=[example_upload()])
        many = small.post("/api/drafts", data=TUYEN_QUANG,
                          files=[("files", (f"{i}.csv", b"x\n")) for i in range(3)])
        huge = small.post("/api/drafts", data=TUYEN_QUANG, files=[("files", ("a.csv", b"x" * 2_200_000))])
    assert big.status_code == many.status_code == huge.status_code == 413
    assert big.json()["errors"][0]["message"].endswith("tối đa 0 MB mỗi tệp")
    assert many.json()["errors"] == [{"where": None, "message": "quá nhiều tệp đính kèm (3); tối đa 2 tệp"}]
    assert huge.json()["errors"][0]["message"] == "yêu cầu quá lớn: tổng các tệp đính kèm tối đa 1 MB"
    assert not any(tmp_path.iterdir())


def test_unknown_draft_and_file_are_404(api, built):
    missing = api.get("/api/drafts/2025-tuyen-quang-v99")
    assert missing.status_code == 404
    assert missing.json()["errors"] == [{"where": "id", "message": "không có dự thảo mã '2025-tuyen-quang-v99'"}]
    no_file = api.get(f"/api/drafts/{built['id']}/files/secret.txt")
    assert no_file.status_code == 404
    assert no_file.json()["errors"][0]["message"] == "dự thảo 2025-tuyen-quang-v1 không có tệp 'secret.txt'"


TRAVERSALS = ["../manifest.json", "..%2Fmanifest.json", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", ".manifest.json",
              "charts/01-retail-history.png", "%2e%2e", "%00manifest.json", "manifest.json%00.png"]
# (a bare ".." is resolved by the HTTP client itself, like a browser, before it is sent)


@pytest.mark.parametrize("name", TRAVERSALS)
def test_path_traversal_in_a_file_name_finds_nothing(api, built, name):
    response = api.get(f"/api/drafts/{built['id']}/files/{name}")
    assert response.status_code == 404 and response.json()["ok"] is False


@pytest.mark.parametrize("draft_id", ["..", "..%2F..%2Fetc", "2025-tuyen-quang-v1%2F..", "2025-tuyen-quang",
                                      "2025-TUYEN-QUANG-v1", "2025-tuyen-quang-v1 ", "%2e%2e"])
def test_path_traversal_in_a_draft_id_finds_nothing(api, built, draft_id):
    response = api.get(f"/api/drafts/{draft_id}/files/manifest.json")
    assert response.status_code == 404 and response.json()["ok"] is False


@settings(max_examples=40, deadline=None)
@given(draft_id=st.text(max_size=30), name=st.text(max_size=30))
def test_no_request_reaches_a_file_outside_the_index(api, built, draft_id, name):
    record = api.app.state.workshop.store.get(draft_id)
    served = set(record.files(False)) if record else set()
    response = api.get(f"/api/drafts/{quote(draft_id, safe='')}/files/{quote(name, safe='')}")
    assert response.status_code in (200, 404, 405)
    assert (response.status_code == 200) == (name in served)


def test_a_bug_is_500_with_a_reference_and_no_traceback(api, monkeypatch, caplog):
    def broken(*_args, **_kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("briefgen.serve.jobs.build_briefing", broken)
    with caplog.at_level(logging.ERROR, logger="briefgen.serve"):
        response = api.post("/api/drafts", data=TUYEN_QUANG)
    assert response.status_code == 500
    body = response.json()
    reference = body["reference"]
    assert body["errors"] == [{"where": None, "message": f"lỗi nội bộ của máy chủ (mã tham chiếu {reference}); "
                                                         "xin báo mã này cho bộ phận quản trị"}]
    assert "secret internals" not in response.text and "Traceback" not in response.text
    logged = [r for r in caplog.records if reference in r.getMessage()]
    assert logged and "secret internals" in str(logged[0].exc_info[1])


def test_a_slow_build_does_not_block_health(api, monkeypatch):
    started, release = threading.Event(), threading.Event()

    def slow(*_args, **_kwargs):
        started.set()
        release.wait(10)
        raise RuntimeError("stopped")

    monkeypatch.setattr("briefgen.serve.jobs.build_briefing", slow)
    building = threading.Thread(target=lambda: api.post("/api/drafts", data=TUYEN_QUANG))
    building.start()
    try:
        assert started.wait(10)
        assert api.get("/api/health").json()["ok"] is True
        assert api.get("/").status_code == 200
    finally:
        release.set()
        building.join()


def test_the_form_of_a_year_is_an_excel_workbook(api):
    response = api.get("/api/forms/2025")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="bieu-mau-2025.xlsx"'
    assert "Số liệu" in zipfile.ZipFile(io.BytesIO(response.content)).read("xl/workbook.xml").decode()
    assert api.get("/api/forms/1990").status_code == 400
    assert api.get("/api/forms/abc").json()["errors"] == [{"where": "year", "message": "cần một số nguyên"}]


def test_pdf_is_converted_once_and_kept(api, built, monkeypatch):
    calls = []

    def fake_soffice(command, **_kwargs):
        calls.append(command)
        outdir = command[command.index("--outdir") + 1]
        (__import__("pathlib").Path(outdir) / "bao-cao-2025-tuyen-quang.pdf").write_bytes(b"%PDF-fake")

    monkeypatch.setattr("briefgen.serve.pdf.soffice", lambda: "soffice")
    monkeypatch.setattr("briefgen.serve.pdf.subprocess.run", fake_soffice)
    url = f"/api/drafts/{built['id']}/files/bao-cao-2025-tuyen-quang.pdf"
    assert api.get(url).content == b"%PDF-fake"
    assert api.get(url).content == b"%PDF-fake"
    assert len(calls) == 1


def test_pdf_timeout_and_missing_libreoffice_are_clear(api, built, monkeypatch):
    import subprocess

    def hang(command, **kwargs):
        raise subprocess.TimeoutExpired(command, kwargs["timeout"])

    monkeypatch.setattr("briefgen.serve.pdf.soffice", lambda: "soffice")
    monkeypatch.setattr("briefgen.serve.pdf.subprocess.run", hang)
    record = api.app.state.workshop.store.get(built["id"])
    record.pdf.unlink(missing_ok=True)
    url = f"/api/drafts/{built['id']}/files/{record.pdf.name}"
    slow = api.get(url)
    assert slow.status_code == 503 and slow.json()["errors"][0]["message"] == "chuyển sang PDF quá 120 giây, đã dừng"
    monkeypatch.setattr("briefgen.serve.pdf.soffice", lambda: None)
    assert api.get(f"/api/drafts/{built['id']}").json()["pdf"] is None
    assert api.get(url).status_code == 404


def test_openapi_documents_the_api(api):
    paths = api.get("/openapi.json").json()["paths"]
    assert {"/api/health", "/api/drafts", "/api/drafts/{draft_id}", "/api/drafts/{draft_id}/files/{name}",
            "/api/forms/{year}", "/api/review", "/api/learn"} <= set(paths)
    assert api.get("/docs").status_code == 200


def test_example_file_is_the_shipped_one():
    assert EXAMPLE.is_file()


@settings(max_examples=25, deadline=None)
@given(name=st.sampled_from(["a.csv", "a.xlsx", "a.CSV", "../../a.csv", "a.xlsx.exe", "con.csv"]),
       data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode),
                      st.binary(max_size=300).map(lambda b: b"PK\x03\x04" + b)))
def test_any_upload_is_a_user_error_never_a_crash(api, out, name, data):
    before = _files_in(out)
    response = api.post("/api/drafts", data=TUYEN_QUANG, files=[("files", (name, data))])
    assert response.status_code == 400, response.text
    assert response.json()["ok"] is False and response.json()["errors"]
    assert _files_in(out) == before


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("data", [
    b"PK\x03\x04",                                                   # truncated: the zip magic only
    _zip({"word/document.xml": b"<w/>"}),                             # a zip, but not a workbook
    _zip({"[Content_Types].xml": b"", "xl/workbook.xml": b"\0" * 5000}),  # inflates too far (limit 4000)
], ids=["truncated", "not-a-workbook", "zip-bomb"])
def test_an_xlsx_must_be_a_whole_workbook(api, data, monkeypatch):
    monkeypatch.setattr("briefgen.serve.uploads.MAX_UNZIPPED", 4000)
    response = api.post("/api/drafts", data=TUYEN_QUANG, files=[("files", ("a.xlsx", data))])
    assert response.status_code == 400
    assert response.json()["errors"] == [{"where": "a.xlsx", "message": "nội dung tệp không phải biểu mẫu Excel (.xlsx)"}]


def test_a_chunked_body_over_the_limit_is_cut_off(tmp_path):
    def chunks():  # a well-formed file part that never ends, sent without a Content-Length
        yield b'--zz\r\nContent-Disposition: form-data; name="files"; filename="a.csv"\r\n\r\n'
        for _ in range(40):
            yield b"x" * 65536

    with client(tmp_path, max_file_bytes=1000, max_files=1) as small:
        response = small.post("/api/drafts", content=chunks(),
                              headers={"Content-Type": "multipart/form-data; boundary=zz"})
    assert response.status_code == 413
    assert response.json()["errors"] == [{"where": None, "message": "yêu cầu quá lớn: tổng các tệp đính kèm tối đa 1 MB"}]


def test_a_new_draft_says_where_it_lives(api):
    response = api.post("/api/drafts", data={"year": "2024", "host": "Lào Cai"})
    assert response.status_code == 201
    assert response.headers["location"] == f"/api/drafts/{response.json()['id']}"


@pytest.mark.libreoffice
@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice not installed (./setup.sh)")
def test_a_real_pdf_is_converted_by_libreoffice_and_kept_beside_the_draft(api, built):
    record = api.app.state.workshop.store.get(built["id"])
    record.pdf.unlink(missing_ok=True)
    response = api.get(built["pdf"])
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    assert record.pdf.read_bytes() == response.content
    assert api.get(f"/api/drafts/{built['id']}").json()["pdf"] == built["pdf"]


def test_an_edit_of_the_data_folder_reaches_the_next_draft_without_a_restart(tmp_path):
    """The server keeps the dataset while the folder's content is unchanged, and only then."""
    import shutil

    from briefgen.serve.jobs import Workshop
    from briefgen.serve.settings import ServeSettings
    from serve_helpers import PROJECT
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    workshop = Workshop(ServeSettings(out_dir=tmp_path / "out", data_dir=data))
    try:
        first = workshop.dataset()
        assert workshop.dataset() is first                      # unchanged: kept
        rows = (data / "indicators.csv").read_text(encoding="utf-8")
        (data / "indicators.csv").write_text(rows.replace("hơn 24 nghìn ha", "hơn 25 nghìn ha")
                                             .replace(",24,nghìn ha,", ",25,nghìn ha,"), encoding="utf-8")
        changed = workshop.dataset()
        assert changed is not first
        area = next(f for f in changed.figures if f.id == "ccn_established_area@region:9M-2025#2025")
        assert str(area.value) == "25"
    finally:
        workshop.close()
