"""``POST /api/learn``: only with ``--allow-learn`` and a token; dry runs, conflicts, reasons, later builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.paths import DEFAULT_WORKSPACE
from draft_edits import CHANGED, FILLS, edit_controls, edited_draft
from serve_helpers import EXAMPLE, client

pytest.importorskip("fastapi")

TOKEN = "s3cret-learn"
BEARER = {"Authorization": f"Bearer {TOKEN}"}
USER_NAME = "Bản Sở gửi.docx"


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the shipped data folder that learning may change."""
    return Path(shutil.copytree(DEFAULT_WORKSPACE.data, tmp_path / "data"))


@pytest.fixture(scope="module")
def filled(draft_2025, tmp_path_factory) -> Path:
    """The 2025 draft with the placeholders of FILLS typed in (no sourced figure changed)."""
    return edit_controls(draft_2025.result.docx_path, tmp_path_factory.mktemp("filled") / "f.docx", FILLS)


@pytest.fixture(scope="module")
def edited(draft_2025, tmp_path_factory) -> Path:
    return edited_draft(draft_2025.result.docx_path, tmp_path_factory.mktemp("edited"))


@pytest.fixture
def learner(tmp_path, data):
    with client(tmp_path / "out", data_dir=data, token=TOKEN, allow_learn=True) as test_client:
        yield test_client
        assert list(test_client.app.state.workshop.scratch.iterdir()) == []


def _learn(api, path: Path, headers=BEARER, name: str = USER_NAME, **fields):
    return api.post("/api/learn", headers=headers, data={k: str(v) for k, v in fields.items()},
                    files=[("files", (name, path.read_bytes()))])


def _indicators(data: Path) -> bytes:
    return (data / "indicators.csv").read_bytes()


@pytest.mark.parametrize("settings", [{}, {"allow_learn": True}, {"token": TOKEN}],
                         ids=["default", "allowed-without-token", "token-without-allow"])
def test_learning_is_off_unless_allowed_and_guarded(tmp_path, data, filled, settings):
    before = _indicators(data)
    with client(tmp_path / "out", data_dir=data, **settings) as api:
        response = _learn(api, filled)
    assert response.status_code == 403
    assert response.json()["errors"] == [{"where": None, "message": "máy chủ này không cho phép bổ sung dữ liệu "
                                          "(learn); người quản trị bật bằng briefgen serve --allow-learn kèm mã truy cập"}]
    assert _indicators(data) == before


def test_allow_learn_needs_a_token_on_the_command_line(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("BRIEFGEN_TOKEN", raising=False)
    assert main(["serve", "--allow-learn", "--out", str(tmp_path / "out")]) == 2
    assert ("--allow-learn (cho phép thay đổi dữ liệu) cần mã truy cập: thêm --token hoặc đặt biến môi trường "
            "BRIEFGEN_TOKEN") in capsys.readouterr().err
    from briefgen.serve.cli import settings_from
    assert settings_from(["--allow-learn", "--token", "t"]).allow_learn is True
    assert settings_from([]).allow_learn is False


def test_learning_without_the_token_is_401(learner, data, filled):
    before = _indicators(data)
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        assert _learn(learner, filled, headers=headers).status_code == 401
    assert _indicators(data) == before


def test_a_dry_run_says_what_would_be_added_and_writes_nothing(learner, data, filled):
    before = _indicators(data)
    response = _learn(learner, filled, dry_run=True)
    assert response.status_code == 200
    body = response.json()
    assert body["dry_run"] is True and body["written"] is False and body["replaced"] == []
    added = {f["id"]: f for f in body["added"]}
    assert added["retail_sales@region:9M-2025#2025"]["value"] == "1720.5"
    assert added["retail_sales@region:9M-2025#2025"]["source"].startswith(f"{USER_NAME}, ô nội dung bg_")
    assert _indicators(data) == before


def test_learned_figures_fill_the_next_build_with_the_users_file_as_source(learner, data, filled):
    body = _learn(learner, filled).json()
    assert body["written"] is True and len(body["added"]) >= len(FILLS)
    text = _indicators(data).decode("utf-8")
    assert f"{USER_NAME}, ô nội dung bg_" in text and "rà soát ngày" in text and "upload-" not in text
    built = learner.post("/api/drafts", headers=BEARER, data={"year": "2025", "host": "Tuyên Quang"}).json()
    assert not {key.split("#")[0] for key in FILLS} & {p["id"] for p in built["placeholders"]}
    used = {f["id"]: f for f in learner.get(built["manifest"], headers=BEARER).json()["figures"]}
    assert used["retail_sales@region:9M-2025#2025"]["source"].startswith(f"{USER_NAME}, ô nội dung bg_")
    again = _learn(learner, filled).json()   # the same draft twice: nothing new
    assert again["added"] == [] and again["written"] is False and len(again["known"]) == len(body["added"])


def test_a_changed_sourced_figure_is_a_conflict_until_a_reason_is_given(learner, data, edited):
    before = _indicators(data)
    conflict = _learn(learner, edited)
    assert conflict.status_code == 409
    body = conflict.json()
    (error,) = body["errors"]
    assert error["where"] == CHANGED and error["message"].startswith("dữ liệu ghi 613 cụm (nguồn ")
    assert "dự thảo ghi 615 cụm (Bản Sở gửi.docx, ô nội dung" in error["message"]
    assert body["hint"] == "xem lại; nếu số mới đúng, gửi lại kèm lý do (reason) để thay"
    assert _indicators(data) == before
    replaced = _learn(learner, edited, reason="Sở Công Thương đính chính")
    assert replaced.status_code == 200
    (item,) = replaced.json()["replaced"]
    assert item["id"] == CHANGED and item["value"] == "615" and item["old"]["value"] == "613"
    assert "Sở Công Thương đính chính" in _indicators(data).decode("utf-8")


@pytest.mark.parametrize("name, payload, status, message", [
    ("bieu-mau.xlsx", EXAMPLE.read_bytes(), 400, "không nhận loại tệp '.xlsx'; chỉ nhận .docx"),
    ("hong.docx", b"not a zip", 400, "nội dung tệp không phải dự thảo Word (.docx)"),
], ids=["xlsx", "not-docx"])
def test_only_edited_drafts_are_learned(learner, data, tmp_path, name, payload, status, message):
    before = _indicators(data)
    path = tmp_path / "upload"
    path.write_bytes(payload)
    response = _learn(learner, path, name=name)
    assert response.status_code == status
    assert response.json()["errors"] == [{"where": name, "message": message}]
    assert _indicators(data) == before


def test_a_document_briefgen_did_not_make_is_refused_by_its_users_name(learner, data, tmp_path):
    import docx

    path = tmp_path / "khac.docx"
    docx.Document().save(str(path))
    before = _indicators(data)
    response = _learn(learner, path, name="Văn bản khác.docx")
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["where"] == "Văn bản khác.docx"
    assert error["message"].startswith("không phải dự thảo do briefgen soạn")
    assert _indicators(data) == before
