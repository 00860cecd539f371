"""``briefgen serve`` on the command line: safe defaults, usage errors, a real server process."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.parse

import pytest

from briefgen.cli import main
from briefgen.serve.cli import settings_from
from briefgen.serve.settings import is_loopback
from serve_helpers import free_port, get_json, start_server, stop


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.4.5.6", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("intranet.example", False), ("", False),
])
def test_loopback_addresses(host, loopback):
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("bind", ["0.0.0.0", "192.168.1.20", "::"])
def test_another_address_without_a_token_is_a_usage_error(bind, monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("BRIEFGEN_TOKEN", raising=False)
    assert main(["serve", "--bind", bind, "--out", str(tmp_path / "out")]) == 2
    assert (f"lắng nghe trên địa chỉ {bind} (không chỉ máy này) cần mã truy cập: thêm --token "
            "hoặc đặt biến môi trường BRIEFGEN_TOKEN") in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_the_token_may_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("BRIEFGEN_TOKEN", "from-env")
    assert settings_from(["--bind", "0.0.0.0"]).token == "from-env"
    assert settings_from(["--bind", "0.0.0.0", "--token", "flag"]).token == "flag"
    monkeypatch.delenv("BRIEFGEN_TOKEN")
    assert settings_from([]).token is None and settings_from([]).bind == "127.0.0.1"


@pytest.mark.parametrize("port", ["0", "65536", "abc"])
def test_a_bad_port_is_a_usage_error(port, capsys):
    assert main(["serve", "--port", port]) == 2
    assert f"cổng phải là số từ 1 đến 65535, gặp '{port}'" in capsys.readouterr().err


def test_serve_help_does_not_load_the_web_stack():
    probe = ("import sys\nfrom briefgen.cli import main\nmain(['serve', '--help'])\n"
             "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
             "print('loaded:' + ','.join(m for m in ('fastapi', 'uvicorn', 'starlette', 'pandas') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert "cách dùng: briefgen serve" in done.stdout
    assert done.stdout.splitlines()[-1] == "loaded:", done.stdout[-300:]


def _post_error(url: str, data: dict) -> tuple[int, dict]:
    body = urllib.parse.urlencode(data).encode()
    with pytest.raises(urllib.error.HTTPError) as refused:
        get_json(url, data=body)
    with refused.value as response:
        return response.code, json.loads(response.read().decode("utf-8"))


def test_a_server_process_answers_over_http(tmp_path):
    port = free_port()
    process = start_server(tmp_path / "out", port)
    base = f"http://127.0.0.1:{port}"
    try:
        assert get_json(f"{base}/api/health")["ok"] is True
        assert get_json(f"{base}/api/drafts") == {"ok": True, "drafts": []}
        status, body = _post_error(f"{base}/api/drafts", {"year": "2025", "host": "Hà Giang"})
        assert status == 400 and "không còn là đơn vị hành chính cấp tỉnh" in body["errors"][0]["message"]
        with pytest.raises(urllib.error.HTTPError) as refused:
            get_json(f"{base}/api/drafts/..%2F..%2Fetc%2Fpasswd")
        assert refused.value.code == 404
        refused.value.close()
    finally:
        assert stop(process) == 0
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
