"""``briefgen serve``: every message, ``where`` field, manifest and draft name an uploaded form by
the name the user gave it, never by a name the server made (nor a server path)."""

from __future__ import annotations

import html
import json

import pytest

from briefgen.serve.uploads import user_name
from serve_helpers import EXAMPLE, client

pytest.importorskip("fastapi")

TUYEN_QUANG = {"year": "2025", "host": "tuyen quang"}
NAME = "Biểu mẫu Tuyên Quang (bản 2).xlsx"


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return tmp_path_factory.mktemp("serve-names")


@pytest.fixture(scope="module")
def api(out):
    with client(out) as test_client:
        yield test_client


@pytest.mark.parametrize("sent, shown", [
    ("Số liệu Tuyên Quang.csv", "Số liệu Tuyên Quang.csv"),
    ("../../tmp/Sở CT.csv", "Sở CT.csv"),                       # a path: only its last part
    ("C:\\Users\\So CT\\bao cao.csv", "bao cao.csv"),            # a Windows browser's full name
])
def test_form_errors_name_the_uploaded_file(api, out, sent, shown):
    response = api.post("/api/drafts", data=TUYEN_QUANG, files=[("files", (sent, b"a,b\n1,2\n"))])
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors[0]["where"] == shown
    assert "tệp không theo biểu mẫu của briefgen" in errors[0]["message"]
    assert "upload-" not in json.dumps(response.json()) and not list(out.iterdir())


@pytest.mark.parametrize("sent, saved", [("a\x01b.csv", "a\\u0001b.csv"), ("..", "(không tên)"), ("", "(không tên)"),
                                         ("x/", "(không tên)"), ("a\x00.csv", "a\\u0000.csv")])
def test_a_name_is_saved_without_folders_or_control_characters(sent, saved):
    assert user_name(sent) == saved


def test_the_page_names_the_uploaded_file(api):
    response = api.post("/drafts", data=TUYEN_QUANG, files=[("files", ("Số liệu Hà Nội.csv", b"a,b\n1,2\n"))])
    assert response.status_code == 400
    assert "Số liệu Hà Nội.csv" in html.unescape(response.text) and "so-lieu" not in response.text


def test_a_long_name_is_cut_where_it_is_saved_and_shown(api):
    sent = "Bảng số liệu " * 40 + ".csv"
    response = api.post("/api/drafts", data=TUYEN_QUANG, files=[("files", (sent, b"a,b\n1,2\n"))])
    where = response.json()["errors"][0]["where"]
    assert where.startswith("Bảng số liệu Bảng") and where.endswith(".csv") and len(where.encode()) <= 200


def test_a_built_draft_cites_the_uploaded_name(api):
    response = api.post("/api/drafts", data=TUYEN_QUANG, files=[("files", (NAME, EXAMPLE.read_bytes()))])
    assert response.status_code == 201, response.text
    built = response.json()
    # a warning is placed in the uploaded file, or in data/ where a record kept its value
    assert all(w["where"].startswith((NAME, "data/")) for w in built["warnings"] if w["where"])
    assert all(NAME in w["message"] for w in built["warnings"] if w["where"].startswith("data/"))
    manifest = api.get(built["manifest"]).json()
    assert manifest["forms"]["files"] == [NAME]
    sources = {f["source"] for f in manifest["figures"] if "›" in str(f.get("source"))}
    assert sources and all(s.startswith(f"{NAME} › ") for s in sources)
