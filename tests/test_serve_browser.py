"""The page in a real headless browser (Debian's chromium and chromedriver, via selenium).

Type "tuyen quang" without diacritics, pick Tuyên Quang, attach the example form, build,
download the .docx and read it back; then edit it as staff would and check it on the page. Skipped when chromium or its driver is missing
(``./setup.sh`` installs them; CI always has them).
"""

from __future__ import annotations

import io
import os
import shutil
import urllib.request

import docx
import pytest

from serve_helpers import EXAMPLE, free_port, start_server, stop

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver")

if (CHROMIUM is None or DRIVER is None) and os.environ.get("CI"):
    raise RuntimeError("chromium and chromium-driver are required in CI: run ./setup.sh")

pytestmark = pytest.mark.skipif(CHROMIUM is None or DRIVER is None,
                                reason="chromium/chromedriver not installed (./setup.sh installs them)")


@pytest.fixture
def browser(tmp_path):
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()


@pytest.fixture
def server(tmp_path):
    port = free_port()
    process = start_server(tmp_path / "out", port)
    yield f"http://127.0.0.1:{port}"
    stop(process)


def test_pick_a_host_without_diacritics_build_download_and_review(browser, server, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 120)
    browser.get(server + "/")
    host = browser.find_element(By.ID, "host")
    host.send_keys("tuyen quang")
    choice = WebDriverWait(browser, 10).until(ready.element_to_be_clickable((By.XPATH, "//ul[@id='host-suggestions']//button")))
    assert choice.text == "Tuyên Quang"
    choice.click()
    assert host.get_attribute("value") == "Tuyên Quang"
    browser.find_element(By.ID, "files").send_keys(str(EXAMPLE))
    browser.find_element(By.ID, "build").click()
    wait.until(ready.url_contains("/drafts/2025-tuyen-quang-v1"))
    assert "phiên bản 1" in browser.find_element(By.TAG_NAME, "h1").text
    href = browser.find_element(By.ID, "docx-link").get_attribute("href")
    with urllib.request.urlopen(href, timeout=60) as response:
        downloaded = response.read()
    document = docx.Document(io.BytesIO(downloaded))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Tuyên Quang" in text and "VÍ DỤ" in text
    _review_on_the_page(browser, server, downloaded, tmp_path)


def _review_on_the_page(browser, server, downloaded: bytes, folder) -> None:
    """Type a changed figure into the downloaded draft and check it with the page's review form."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    from draft_edits import CHANGED, edit_controls

    (folder / "tai-ve.docx").write_bytes(downloaded)
    edited = edit_controls(folder / "tai-ve.docx", folder / "da-sua.docx", {CHANGED: "615"})
    browser.get(server + "/")
    browser.find_element(By.ID, "review-file").send_keys(str(edited))
    browser.find_element(By.ID, "review-button").click()
    heading = WebDriverWait(browser, 120).until(ready.presence_of_element_located((By.ID, "changed")))
    assert heading.text == "Số liệu có nguồn đã bị sửa, nay khác nguồn (1)"
    assert "nguồn ghi 613 cụm" in browser.find_element(By.ID, "table-changed").text
