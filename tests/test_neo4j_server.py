"""scripts/neo4j-server and tests/servers.py against the real thing: Neo4j 5.26 over Bolt and HTTP."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from tests.servers import NEO4J_SCRIPT, build_neo4j, free_port, neo4j_server

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def refused(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(2)
        return s.connect_ex(("127.0.0.1", port)) != 0


def test_bolt_queries_browser_and_restart(tmp_path):
    data = tmp_path / "neo4j"
    with neo4j_server(data) as server:
        assert server.bolt_uri == f"bolt://127.0.0.1:{server.bolt_port}"
        with GraphDatabase.driver(server.bolt_uri, auth=None) as driver:
            driver.verify_connectivity()
            records, _, _ = driver.execute_query("RETURN 1 AS one")
            assert records[0]["one"] == 1
            driver.execute_query("CREATE (:Probe {name: $name, n: 42})", name="first")
            records, _, _ = driver.execute_query("MATCH (p:Probe) RETURN p.name AS name, p.n AS n")
            assert [(r["name"], r["n"]) for r in records] == [("first", 42)]
            info = driver.get_server_info()
            assert info.agent.startswith("Neo4j/5.26.")

        with urllib.request.urlopen(f"{server.http_url}/browser/", timeout=30) as res:
            assert res.status == 200
            assert res.headers.get_content_type() == "text/html"
            page = res.read().decode("utf-8", "replace")
        assert "<title>Neo4j Browser</title>" in page
        with urllib.request.urlopen(server.http_url + "/", timeout=30) as res:
            assert b'"neo4j_version":"5.26.' in res.read()

        # Stop mid-life and start again: same ports, same data directory, data kept.
        assert server.stop() == 0
        assert not server.running and refused(server.bolt_port) and refused(server.http_port)
        server.start()
        with GraphDatabase.driver(server.bolt_uri, auth=None) as driver:
            records, _, _ = driver.execute_query("MATCH (p:Probe) RETURN p.name AS name")
            assert [r["name"] for r in records] == ["first"]
    assert server.returncode == 0
    assert (data / "logs" / "neo4j.log").is_file() and (data / "data" / "databases" / "neo4j").is_dir()


def test_password_enables_auth():
    with neo4j_server(password="s3cret-pw") as server:
        assert server.auth == ("neo4j", "s3cret-pw")
        with GraphDatabase.driver(server.bolt_uri, auth=("neo4j", "s3cret-pw")) as driver:
            records, _, _ = driver.execute_query("RETURN 1 AS one")
            assert records[0]["one"] == 1
        with GraphDatabase.driver(server.bolt_uri, auth=("neo4j", "wrong-password")) as driver, pytest.raises(AuthError):
            driver.verify_connectivity()


def test_cli_throwaway_data_and_ctrl_c():
    """The script itself: ready line on stdout, Ctrl-C (SIGINT) stops it cleanly, exit 0, and the
    temporary data directory is gone afterwards."""
    build_neo4j()
    bolt, http = free_port(), free_port()
    proc = subprocess.Popen(
        [str(NEO4J_SCRIPT), "--bolt-port", str(bolt), "--http-port", str(http)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 180
        ready = ""
        for line in proc.stdout:
            if "ready bolt://" in line:
                ready = line
                break
            assert time.monotonic() < deadline, "no ready line in time"
        assert f"ready bolt://127.0.0.1:{bolt}" in ready, proc.stderr.read() if proc.stderr else ""
        match = re.search(r"data (\S+)\)", ready)
        assert match, ready
        data = Path(match.group(1))
        assert data.is_dir()
        with GraphDatabase.driver(f"bolt://127.0.0.1:{bolt}", auth=None) as driver:
            driver.execute_query("CREATE (:Probe)")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(60) == 0
        assert not data.exists()
        assert refused(bolt)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
