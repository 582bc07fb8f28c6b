"""Passwords come from the environment (or the URL) and are never printed.

A real password-protected Neo4j 5.26 (started once for this module), and a real Oxigraph server
behind a small HTTP Basic-auth gate (Oxigraph's server has no authentication of its own; the gate
answers 401 to wrong credentials and forwards everything else byte for byte). Wrong or missing
credentials are one line on stderr, exit code 2, and neither the password nor the URL's
user:password@ part appears anywhere in the output.
"""

from __future__ import annotations

import base64
import http.server
import os
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.servers import free_port

KG = str(ROOT / ".venv" / "bin" / "kg")
OXIGRAPH = str(ROOT / ".venv" / "bin" / "oxigraph")
PASSWORD = "Neo-s3cret-Pw!42"
WRONG = "wrong-Pw-9d81c"
SEEDS = ROOT / "seeds"


def kg(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_SPARQL_"))}
    return subprocess.run([KG, *args], capture_output=True, text=True, timeout=timeout,
                          env={**base, "KG_QUIET": "1", **(env or {})})  # fmt: skip


def assert_no_secret(proc: subprocess.CompletedProcess, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in proc.stdout and secret not in proc.stderr, (proc.stdout, proc.stderr)
        encoded = base64.b64encode(secret.encode()).decode()
        assert encoded not in proc.stderr


def assert_one_line_exit_2(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("kg: error: "), proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stderr


# --- Neo4j with a password ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def secured_neo4j(tmp_path_factory):
    from tests.servers import neo4j_server

    with neo4j_server(tmp_path_factory.mktemp("neo4j-auth"), password=PASSWORD) as server:
        yield server


pytestmark_neo4j = pytest.mark.neo4j


@pytestmark_neo4j
def test_neo4j_right_password_from_the_environment_works_and_is_not_printed(secured_neo4j, tmp_path):
    env = {"NEO4J_USER": "neo4j", "NEO4J_PASSWORD": PASSWORD}
    proc = kg("ingest", str(SEEDS), "--store", secured_neo4j.bolt_uri, env=env)
    assert proc.returncode == 0, proc.stderr
    stats = kg("stats", "--store", secured_neo4j.bolt_uri, env=env)
    assert stats.returncode == 0 and "article(s)" in stats.stdout
    assert_no_secret(proc, PASSWORD)
    assert_no_secret(stats, PASSWORD)


@pytestmark_neo4j
@pytest.mark.parametrize("command", [["stats"], ["query", "alliances"], ["ingest", "SEEDS"], ["export", "--format", "turtle"]])
def test_neo4j_wrong_password_is_one_line_exit_2_without_the_password(secured_neo4j, command):
    command = [str(SEEDS) if c == "SEEDS" else c for c in command]
    proc = kg(*command, "--store", secured_neo4j.bolt_uri, env={"NEO4J_USER": "neo4j", "NEO4J_PASSWORD": WRONG})
    line = assert_one_line_exit_2(proc)
    # after a few wrong tries Neo4j answers with its rate limit instead (AuthenticationRateLimit)
    assert ("refused the credentials" in line and "NEO4J_PASSWORD" in line) or "too many times" in line
    assert_no_secret(proc, WRONG, PASSWORD)


@pytestmark_neo4j
def test_neo4j_missing_password_says_which_variables_to_set(secured_neo4j):
    line = assert_one_line_exit_2(kg("stats", "--store", secured_neo4j.bolt_uri))
    assert "NEO4J_USER" in line and "NEO4J_PASSWORD" in line


@pytestmark_neo4j
def test_neo4j_credentials_in_the_uri_are_never_echoed(secured_neo4j):
    host = secured_neo4j.bolt_uri.removeprefix("bolt://")
    for uri in (f"bolt://neo4j:{WRONG}@{host}", f"bolt://neo4j:{PASSWORD}@{host}", f"neo4j://neo4j:{WRONG}@{host}"):
        proc = kg("stats", "--store", uri)
        assert proc.returncode in (0, 2), proc.stderr
        if proc.returncode == 2:
            assert_one_line_exit_2(proc)
        assert_no_secret(proc, WRONG, PASSWORD)


def test_neo4j_unreachable_with_a_password_does_not_print_it():
    proc = kg("stats", "--store", f"bolt://neo4j:{WRONG}@127.0.0.1:{free_port()}", env={"NEO4J_PASSWORD": PASSWORD})
    assert_one_line_exit_2(proc)
    assert_no_secret(proc, WRONG, PASSWORD)


# --- a SPARQL endpoint behind HTTP Basic auth ---------------------------------------------------------

SPARQL_USER, SPARQL_PASSWORD = "analyst", "Sparql-s3cret-Pw!7"


class _Gate(http.server.ThreadingHTTPServer):
    daemon_threads = True
    upstream: str
    expected: str


class _GateHandler(http.server.BaseHTTPRequestHandler):
    """HTTP Basic auth in front of the real server: 401 on wrong credentials, else a byte-for-byte proxy."""

    def log_message(self, *args) -> None:
        return None

    def _handle(self) -> None:
        if self.headers.get("Authorization") != self.server.expected:
            body = b"Unauthorized"
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        length = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
        req = urllib.request.Request(self.server.upstream + self.path, data=data, headers=headers, method=self.command)
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                status, body, ctype = resp.status, resp.read(), resp.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            status, body, ctype = exc.code, exc.read(), exc.headers.get("Content-Type", "")
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _handle


@pytest.fixture(scope="module")
def secured_sparql(tmp_path_factory):
    port = free_port()
    data = tmp_path_factory.mktemp("oxigraph-auth")
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(data), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "oxigraph serve did not start"
                time.sleep(0.1)
        gate = _Gate(("127.0.0.1", 0), _GateHandler)
        gate.upstream = f"http://127.0.0.1:{port}"
        gate.expected = "Basic " + base64.b64encode(f"{SPARQL_USER}:{SPARQL_PASSWORD}".encode()).decode()
        thread = threading.Thread(target=gate.serve_forever, daemon=True)
        thread.start()
        yield f"127.0.0.1:{gate.server_address[1]}"
        gate.shutdown()
        gate.server_close()
    finally:
        proc.terminate()
        proc.wait(10)


def _small_article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text("North Korea deployed troops to Russia on 20 October 2024, officials in Seoul said.\n")
    return path


def test_sparql_credentials_from_the_environment_work_and_are_not_printed(secured_sparql, tmp_path):
    url = f"http://{secured_sparql}"
    env = {"KG_SPARQL_USER": SPARQL_USER, "KG_SPARQL_PASSWORD": SPARQL_PASSWORD}
    proc = kg("ingest", str(_small_article(tmp_path)), "--store", url, env=env)
    assert proc.returncode == 0, proc.stderr
    stats = kg("stats", "--store", url, env=env)
    assert stats.returncode == 0 and "1 article(s)" in stats.stdout, stats.stderr
    assert_no_secret(proc, SPARQL_PASSWORD)
    assert_no_secret(stats, SPARQL_PASSWORD)


def test_sparql_credentials_in_the_url_work_and_the_url_is_shown_without_them(secured_sparql, tmp_path):
    url = f"http://{SPARQL_USER}:{SPARQL_PASSWORD.replace('!', '%21')}@{secured_sparql}"
    proc = kg("ingest", str(_small_article(tmp_path)), "--store", url)
    assert proc.returncode == 0, proc.stderr
    assert f"into http://{secured_sparql}" in proc.stdout
    stats = kg("stats", "--store", url)
    assert stats.returncode == 0 and f"store http://{secured_sparql}" in stats.stdout
    for p in (proc, stats):
        assert_no_secret(p, SPARQL_PASSWORD, SPARQL_PASSWORD.replace("!", "%21"), f"{SPARQL_USER}:")


@pytest.mark.parametrize("how", ["env", "url", "none"])
def test_sparql_wrong_credentials_are_one_line_exit_2_without_the_password(secured_sparql, how, tmp_path):
    env, url = {}, f"http://{secured_sparql}"
    if how == "env":
        env = {"KG_SPARQL_USER": SPARQL_USER, "KG_SPARQL_PASSWORD": WRONG}
    elif how == "url":
        url = f"http://{SPARQL_USER}:{WRONG}@{secured_sparql}"
    for command in (["stats"], ["ingest", str(_small_article(tmp_path))], ["query", "alliances"]):
        proc = kg(*command, "--store", url, env=env)
        line = assert_one_line_exit_2(proc)
        assert "HTTP 401" in line and "KG_SPARQL_USER" in line
        assert_no_secret(proc, WRONG, SPARQL_PASSWORD, f"{SPARQL_USER}:")
