"""``briefgen serve``'s page and its token guard, in-process."""

from __future__ import annotations

import pytest

from serve_helpers import client, example_upload

pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    with client(tmp_path_factory.mktemp("page-out")) as test_client:
        yield test_client


def test_the_start_page_offers_years_hosts_forms_and_review(page):
    html = page.get("/").text
    assert '<option value="2025" selected>' in html
    assert '<option value="Tuyên Quang">' in html and '<option value="Hà Giang">' not in html
    assert '"2023": ["H\\u00e0 Giang",' in html  # the script's data: JSON, not HTML-escaped
    assert 'accept=".xlsx,.csv,.docx"' in html
    assert '<h2 id="review">Kiểm tra dự thảo đã chỉnh sửa</h2>' in html and "chưa được xây dựng" not in html
    assert '<form method="post" action="/review" enctype="multipart/form-data" id="review-form">' in html
    assert page.get("/forms?year=2024", follow_redirects=False).headers["location"] == "/api/forms/2024"


def test_building_from_the_page_shows_the_result(page):
    response = page.post("/drafts", data={"year": "2025", "host": "tuyen quang", "date": ""},
                         files=[example_upload(), ("files", ("", b""))], follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/drafts/2025-tuyen-quang-v1"
    html = page.get(response.headers["location"]).text
    assert "Dự thảo báo cáo năm 2025, Tuyên Quang (phiên bản 1)" in html and "Ngày hội nghị: 17/10/2025" in html
    assert 'href="/api/drafts/2025-tuyen-quang-v1/files/bao-cao-2025-tuyen-quang.docx"' in html
    assert "Chỗ cần bổ sung (" in html and "Cần bổ sung:" in html
    assert "Số liệu đã dùng (" in html and "2025-tuyen-quang-v1 (đang xem)" in html
    again = page.post("/drafts", data={"year": "2025", "host": "Tuyên Quang"}, follow_redirects=True)
    assert '<a href="/drafts/2025-tuyen-quang-v1">2025-tuyen-quang-v1</a>' in again.text


@pytest.mark.parametrize("data, status, shown", [
    ({"year": "2025", "host": "<b>xyz</b>"}, 400, "không có tỉnh, thành phố nào tên &#39;&lt;b&gt;xyz&lt;/b&gt;&#39;."),
    ({"year": "20x5", "host": "Tuyên Quang"}, 400, "năm không hợp lệ &#39;20x5&#39;"),
    ({"year": "2025", "host": "Tuyên Quang", "date": "17/10"}, 400, "ngày không hợp lệ &#39;17/10&#39;"),
])
def test_page_errors_are_shown_escaped_with_what_was_typed(page, data, status, shown):
    response = page.post("/drafts", data=data)
    assert response.status_code == status
    assert "Chưa soạn được dự thảo, không ghi tệp nào." in response.text and shown in response.text
    assert "<b>xyz</b>" not in response.text


def test_page_shows_upload_errors_with_the_file(page):
    response = page.post("/drafts", data={"year": "2025", "host": "Tuyên Quang"},
                         files=[("files", ("ghi-chu.txt", b"x"))])
    assert response.status_code == 400
    assert '<span class="where">ghi-chu.txt</span>: không nhận loại tệp &#39;.txt&#39;' in response.text


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    with client(tmp_path_factory.mktemp("guarded-out"), token="s3cret-token") as test_client:
        yield test_client


@pytest.mark.parametrize("headers, message", [
    ({}, "thiếu mã truy cập (token)"),
    ({"Authorization": "Bearer wrong"}, "mã truy cập (token) không đúng"),
    ({"Authorization": "Basic s3cret-token"}, "thiếu mã truy cập (token)"),
], ids=["missing", "wrong", "not-bearer"])
def test_the_api_refuses_requests_without_the_token(guarded, headers, message):
    for method, url in (("GET", "/api/drafts"), ("POST", "/api/drafts"), ("GET", "/api/forms/2025"),
                        ("GET", "/api/drafts/2025-tuyen-quang-v1"), ("GET", "/openapi.json")):
        response = guarded.request(method, url, headers=headers)
        assert response.status_code == 401, url
        assert response.json()["errors"] == [{"where": "token", "message": message}]
    guarded.cookies.clear()


def test_the_token_opens_the_api_by_header_query_or_cookie(guarded):
    assert guarded.get("/api/health").status_code == 200  # open: monitoring needs no token
    assert guarded.get("/api/drafts", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
    assert guarded.get("/api/drafts?token=s3cret-token").status_code == 200
    assert guarded.get("/api/drafts").status_code == 200, "the query token set a cookie"
    guarded.cookies.clear()
    assert guarded.get("/api/drafts").status_code == 401


def test_the_page_asks_for_the_token_and_remembers_it(guarded):
    refused = guarded.get("/")
    assert refused.status_code == 401 and 'name="token"' in refused.text
    wrong = guarded.post("/login", data={"token": "nope"})
    assert wrong.status_code == 401 and "Lỗi: mã truy cập (token) không đúng" in wrong.text
    right = guarded.post("/login", data={"token": "s3cret-token"}, follow_redirects=False)
    assert right.status_code == 303
    assert "httponly" in right.headers["set-cookie"].lower() and "samesite=strict" in right.headers["set-cookie"].lower()
    assert guarded.get("/").status_code == 200
    guarded.cookies.clear()
    link = guarded.get("/?token=s3cret-token", follow_redirects=False)
    assert link.status_code == 303 and link.headers["location"] == "/"
    guarded.cookies.clear()


def test_page_errors_are_pages_not_json(page):
    missing = page.get("/drafts/2025-xyz-v1")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "không có dự thảo mã &#39;2025-xyz-v1&#39;" in missing.text
    assert page.get("/forms?year=abc").status_code == 400


def test_a_broken_data_folder_is_explained_on_the_page_and_in_the_api(tmp_path):
    with client(tmp_path / "out", data_dir=tmp_path / "no-data") as broken:
        shown = broken.get("/")
        built = broken.post("/api/drafts", data={"year": "2025", "host": "Tuyên Quang"})
    assert shown.status_code == 400 and "không tìm thấy thư mục dữ liệu" in shown.text
    assert built.status_code == 400 and "no-data" in built.json()["errors"][0]["message"]
