"""Neo4j Browser for analysts, in a real headless Chromium: the Browser served by the test server
connects, plays the project's guide, and the guide's alliances query shows North Korea and Russia.

Needs Debian's chromium and chromium-driver (scripts/prepare-test-servers installs them); skipped
without them. The screenshot is kept in the test's output folder (printed on failure)."""

from __future__ import annotations

import shutil
import tempfile
import threading
import urllib.parse

import pytest

from kg.stores import neo4j_browser as nb
from kg.stores import open_store

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1400,1000",
]  # fmt: skip


def _binary(*names: str) -> str | None:
    return next((p for p in map(shutil.which, names) if p), None)


@pytest.fixture
def chrome(tmp_path):
    chromium, driver = _binary("chromium", "chromium-browser"), _binary("chromedriver")
    if not chromium or not driver:
        pytest.skip("chromium and chromedriver are not installed (scripts/prepare-test-servers installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    for flag in CHROMIUM_FLAGS:
        opts.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="kg-chromium-", dir=tmp_path)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.binary_location = chromium
    browser = webdriver.Chrome(service=Service(driver), options=opts)
    browser.set_page_load_timeout(60)
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture
def guide_url():
    httpd = nb.make_server(0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        # localhost: on Neo4j's default allow-list for remote guides (browser.remote_content_hostname_allowlist)
        yield f"http://localhost:{httpd.server_address[1]}/guide.html"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_the_committed_guide_is_made_from_the_saved_queries():
    assert nb.guide_path().read_text(encoding="utf-8") == nb.guide_html(), (
        "ontology/neo4j/guide.html is stale: python -m kg.stores.neo4j_browser guide > ontology/neo4j/guide.html"
    )
    style = nb.style_path().read_text(encoding="utf-8")
    for label in ("State", "Person", "Organisation", "Place", "ArmedGroup", "Article", "Event", "Deployment", "Condemnation"):
        assert f"node.{label} {{" in style
    for rel in ("ACTOR", "RECIPIENT", "SUPPORTS", "OPPOSES", "ALLIED_WITH", "REPORTED_IN", "HOLDS_OFFICE"):
        assert f"relationship.{rel} {{" in style


def test_browser_plays_the_guide_and_runs_alliances(neo4j_server, neo4j_uri, seed_extractions, chrome, guide_url, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with open_store(neo4j_uri) as st:
        st.write(seed_extractions)
    if not hasattr(neo4j_server, "http_url"):
        pytest.skip("an external Neo4j: no Browser URL known")
    wait = WebDriverWait(chrome, 60, poll_frequency=0.25)
    shot = tmp_path / "neo4j-browser-alliances.png"

    def frames_text() -> str:
        return "\n".join(f.text for f in chrome.find_elements(By.CSS_SELECTOR, "article"))

    def run(command: str | None = None) -> None:
        if command is not None:
            editor = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".monaco-editor textarea"))
            editor.send_keys(command)
        chrome.find_element(By.CSS_SELECTOR, '[data-testid="editor-Run"]').click()

    def runnable(containing: str):
        def find(d):
            for pre in d.find_elements(By.CSS_SELECTOR, "pre.runnable"):
                if pre.is_displayed() and containing in pre.text:
                    return pre
            return None

        return wait.until(find)

    query = urllib.parse.urlencode({"dbms": neo4j_uri, "preselectAuthMethod": "NO_AUTH"})
    try:
        chrome.get(f"{neo4j_server.http_url}/browser/?{query}")
        wait.until(lambda d: "Connected to Neo4j" in frames_text())
        run(f":play {guide_url}")
        runnable(":params").click()  # one click puts the block in the editor ...
        run()  # ... and the run button runs it
        wait.until(lambda d: "since" in frames_text() and "North Korea" in frames_text())
        chrome.find_element(By.CSS_SELECTOR, '[data-testid="nextSlide"]').click()
        block = runnable("plover_type: 'AID'")
        assert block.text.replace("\n", " ").startswith("MATCH (e:Event {plover_type: 'AID'")
        block.click()
        run()
        wait.until(lambda d: "supporter" in frames_text() and "started streaming" in frames_text().lower())
        result = next(f.text for f in chrome.find_elements(By.CSS_SELECTOR, "article") if "supporter" in f.text)
    finally:
        chrome.save_screenshot(str(shot))
    assert "North Korea" in result and "Russia" in result, f"screenshot: {shot}"
    assert shot.stat().st_size > 10_000
    assert "Neo.ClientError" not in frames_text()
