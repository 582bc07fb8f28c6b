"""Real SPARQL 1.1 servers for tests, started as subprocesses (plain helpers, not fixtures).

    from tests.sparql_servers import fuseki_server, oxigraph_server

    with fuseki_server() as server:              # in-memory TDB2 dataset "kg"
        server.base_url                          # http://127.0.0.1:P/kg   (what `kg --store` takes)
        server.query_url, server.update_url      # .../kg/query, .../kg/update
        server.gsp_url                           # .../kg/data  (Graph Store Protocol)

    with oxigraph_server(tmp_path / "ox") as server:
        server.base_url                          # http://127.0.0.1:P
        server.query_url, server.update_url      # .../query, .../update
        server.gsp_url                           # .../store

Fuseki is scripts/fuseki-server (Apache Jena Fuseki 5.6.0 from Maven Central, built by Maven on
first use; `fuseki_server()` runs `--build-only` first, with its own long timeout). Its dataset has
`tdb2:unionDefaultGraph true`: a query's default graph is the union of the named graphs.

Oxigraph is the `oxigraph` CLI of the PyPI package of that name, next to sys.executable. Its
default graph is the stored default graph unless a query asks for the union (URL parameter
`union-default-graph`, which kg's remote store sends) or the server runs with
`--union-default-graph` (`oxigraph_server(..., union_default_graph=True)`); Oxigraph's union also
includes the stored default graph, Fuseki's does not.

Both wait for the server to answer a SPARQL query (STARTUP_TIMEOUT, 120 s), raise ServerError with
the server's last output when it does not, and stop it on exit whatever happened. Servers run in
their own session (a Ctrl-C reaches pytest, which stops them in order) and die with this process
(Fuseki watches its stdin pipe; Oxigraph gets a parent-death signal through setpriv when present).
"""

from __future__ import annotations

import collections
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.servers import build_launcher, free_port, running, stop_process

ROOT = Path(__file__).resolve().parent.parent
FUSEKI_SCRIPT = ROOT / "scripts" / "fuseki-server"

#: Seconds to wait for a started server to answer a query.
STARTUP_TIMEOUT = float(os.environ.get("KG_TEST_SPARQL_STARTUP_TIMEOUT", "120"))
#: Seconds allowed for the one-off Maven build of the Fuseki launcher (jar download).
BUILD_TIMEOUT = float(os.environ.get("KG_TEST_FUSEKI_BUILD_TIMEOUT", "900"))
#: Seconds for a graceful shutdown before the process group is killed.
STOP_TIMEOUT = 30.0

_RESULTS_JSON = "application/sparql-results+json"


class ServerError(RuntimeError):
    """A SPARQL test server failed to build, start or stop; the message carries its last output."""


def oxigraph_binary() -> Path:
    """The `oxigraph` CLI installed beside this Python (the venv's bin/), else the one on PATH."""
    here = Path(sys.executable).parent / "oxigraph"  # not resolved: the venv's bin, not pyenv's
    if here.is_file() and os.access(here, os.X_OK):
        return here
    found = shutil.which("oxigraph")
    if found:
        return Path(found)
    raise ServerError(f"no oxigraph binary next to {sys.executable} or on PATH (pip install oxigraph)")


def build_fuseki() -> None:
    """Build the Fuseki launcher and fetch its jars if needed."""
    build_launcher(FUSEKI_SCRIPT, BUILD_TIMEOUT, ServerError)


class SparqlServer:
    """One SPARQL server process. `start()` / `stop()` may be repeated: the port and the data
    directory stay the same, so the URLs stay valid and an on-disk store keeps its data."""

    kind = "SPARQL"

    def __init__(self, data_dir: Path | None, port: int | None, startup_timeout: float) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self.port = port
        self.startup_timeout = startup_timeout
        self.base_url = self.query_url = self.update_url = self.gsp_url = ""
        #: True when a query's default graph is the union of the named graphs without asking.
        self.union_default_graph = False
        #: Exit code of the last stopped process.
        self.returncode: int | None = None
        self._proc: subprocess.Popen[str] | None = None
        self._reader: threading.Thread | None = None
        self._output: collections.deque[str] = collections.deque(maxlen=300)

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        where = self.data_dir if self.data_dir is not None else "memory"
        return f"<{type(self).__name__} {self.base_url or '-'} {state} data={where}>"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def output(self) -> str:
        """The server's recent stdout and stderr (at most the last 300 lines)."""
        return "".join(self._output)

    def command(self) -> list[str]:
        raise NotImplementedError

    def start(self) -> SparqlServer:
        raise NotImplementedError

    def stop(self, timeout: float = STOP_TIMEOUT) -> int | None:
        """SIGTERM, then SIGKILL of the process group after `timeout` s. Returns the exit code
        (None if nothing was running). Fuseki exits 0; Oxigraph dies of the signal (-15)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return None
        self.returncode = stop_process(proc, self._reader, timeout)
        return self.returncode

    # -- small SPARQL client (tests that need no kg code) --

    def query(self, sparql: str, *, union: bool = False) -> Any:
        """POST a query; the JSON results (SELECT / ASK). `union` adds Oxigraph's
        `union-default-graph` parameter (Fuseki ignores it: its default graph is the union)."""
        url = self.query_url + ("?union-default-graph" if union else "")
        body = urllib.parse.urlencode({"query": sparql}).encode()
        return json.loads(self._http("POST", url, body, "application/x-www-form-urlencoded", _RESULTS_JSON))

    def select(self, sparql: str, *, union: bool = False) -> list[dict[str, str]]:
        """SELECT rows as {variable: value} (values as strings, unbound variables left out)."""
        res = self.query(sparql, union=union)
        return [{k: v["value"] for k, v in b.items()} for b in res["results"]["bindings"]]

    def update(self, sparql: str) -> None:
        self._http("POST", self.update_url, sparql.encode(), "application/sparql-update; charset=utf-8")

    def clear(self) -> None:
        """Empty the store: every named graph and the default graph."""
        self.update("DROP ALL")

    def put_graph(self, graph: str | None, data: str | bytes, content_type: str = "text/turtle") -> int:
        """Graph Store Protocol PUT (replace) of one graph (None: the default graph); the HTTP status."""
        return self._gsp("PUT", graph, data, content_type)

    def post_graph(self, graph: str | None, data: str | bytes, content_type: str = "text/turtle") -> int:
        """Graph Store Protocol POST (merge into) one graph (None: the default graph); the HTTP status."""
        return self._gsp("POST", graph, data, content_type)

    def get_graph(self, graph: str | None, accept: str = "application/n-triples") -> str:
        """Graph Store Protocol GET of one graph (None: the stored default graph)."""
        return self._http("GET", self.graph_url(graph), None, None, accept).decode()

    def graph_url(self, graph: str | None) -> str:
        q = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
        return f"{self.gsp_url}?{q}"

    def _gsp(self, method: str, graph: str | None, data: str | bytes, content_type: str) -> int:
        body = data.encode() if isinstance(data, str) else data
        req = urllib.request.Request(self.graph_url(graph), body, {"Content-Type": content_type}, method=method)
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status

    def _http(self, method: str, url: str, body: bytes | None, ctype: str | None, accept: str | None = None) -> bytes:
        headers = {}
        if ctype:
            headers["Content-Type"] = ctype
        if accept:
            headers["Accept"] = accept
        req = urllib.request.Request(url, body, headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.read()
        except urllib.error.HTTPError as e:
            detail = e.read().decode(errors="replace")[:2000]
            raise ServerError(f"{self.kind} {method} {url}: HTTP {e.code}: {detail}") from e

    # -- process plumbing --

    def _spawn(self, cmd: list[str], watch_stdin: bool) -> subprocess.Popen[str]:
        self._output.clear()
        self.returncode = None
        # Own session: a Ctrl-C in the terminal reaches pytest, which stops the server in order.
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE if watch_stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, errors="replace", bufsize=1, start_new_session=True, cwd=ROOT,
        )  # fmt: skip
        self._proc = proc
        self._reader = threading.Thread(target=self._read, args=(proc,), daemon=True, name=f"{self.kind}-output")
        self._reader.start()
        return proc

    def _read(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            self._output.append(line)
            self._line(line)
        proc.stdout.close()

    def _line(self, line: str) -> None:
        """Hook: one line of the server's output."""

    def _exited(self, proc: subprocess.Popen[str]) -> str:
        if self._reader is not None:
            self._reader.join(5)
        self._proc = None
        self.returncode = proc.returncode
        return f"exited with code {proc.returncode} before it was ready"

    def _describe(self, what: str, cmd: list[str]) -> str:
        text = self.output().strip() or "(no output)"
        return f"{self.kind} test server ({' '.join(cmd)}) {what}. Its last output:\n{text[-8000:]}"

    def _answers(self) -> bool:
        """True once the query endpoint answers ASK {} with 200."""
        body = urllib.parse.urlencode({"query": "ASK {}"}).encode()
        req = urllib.request.Request(
            self.query_url, body, {"Content-Type": "application/x-www-form-urlencoded", "Accept": _RESULTS_JSON}
        )
        try:
            with urllib.request.urlopen(req, timeout=5) as r:
                return r.status == 200
        except (OSError, urllib.error.URLError):
            return False


class FusekiServer(SparqlServer):
    """scripts/fuseki-server: Apache Jena Fuseki, dataset "kg" (TDB2, union default graph)."""

    kind = "Fuseki"
    _READY = re.compile(r"fuseki-server: ready (http://127\.0\.0\.1:(\d+)/kg)\b")

    def __init__(
        self, data_dir: Path | None = None, *, port: int | None = None, startup_timeout: float = STARTUP_TIMEOUT
    ) -> None:
        super().__init__(data_dir, port, startup_timeout)
        self.union_default_graph = True
        self._ready = threading.Event()
        self._ready_port: int | None = None
        if port:
            self._set_urls(port)

    def _set_urls(self, port: int) -> None:
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}/kg"
        self.query_url = self.base_url + "/query"  # also /sparql
        self.update_url = self.base_url + "/update"
        self.gsp_url = self.base_url + "/data"  # read-only: /get

    def command(self) -> list[str]:
        # Port 0 the first time: Fuseki binds a free port itself and names it in its ready line
        # (no race with other processes); later starts reuse that port.
        cmd = [str(FUSEKI_SCRIPT), "--port", str(self.port or 0), "--watch-stdin"]
        if self.data_dir is not None:
            cmd += ["--data", str(self.data_dir)]
        return cmd

    def start(self) -> FusekiServer:
        if self.running:
            return self
        build_fuseki()
        if self.data_dir is not None:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        self._ready.clear()
        cmd = self.command()
        # stdin is a pipe the server watches (--watch-stdin): if this process dies, it stops.
        proc = self._spawn(cmd, watch_stdin=True)
        deadline = time.monotonic() + self.startup_timeout
        while not self._ready.wait(0.2):
            if proc.poll() is not None:
                raise ServerError(self._describe(self._exited(proc), cmd))
            if time.monotonic() > deadline:
                self.stop()
                raise ServerError(self._describe(f"was not ready after {self.startup_timeout:.0f} s", cmd))
        assert self._ready_port is not None
        self._set_urls(self._ready_port)
        return self

    def _line(self, line: str) -> None:
        m = self._READY.search(line)
        if m:
            self._ready_port = int(m.group(2))
            self._ready.set()


class OxigraphServer(SparqlServer):
    """`oxigraph serve`: Oxigraph's own SPARQL server (RocksDB in data_dir, or in memory)."""

    kind = "Oxigraph"

    def __init__(
        self,
        data_dir: Path | None = None,
        *,
        port: int | None = None,
        union_default_graph: bool = False,
        startup_timeout: float = STARTUP_TIMEOUT,
    ) -> None:
        super().__init__(data_dir, port, startup_timeout)
        self.union_default_graph = union_default_graph
        self._fixed_port = port is not None
        self.binary = oxigraph_binary()

    def _set_urls(self, port: int) -> None:
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self.query_url = self.base_url + "/query"  # also /sparql
        self.update_url = self.base_url + "/update"
        self.gsp_url = self.base_url + "/store"

    def command(self) -> list[str]:
        cmd = [str(self.binary), "serve", "--bind", f"127.0.0.1:{self.port}"]
        if self.data_dir is not None:
            cmd += ["--location", str(self.data_dir)]
        if self.union_default_graph:
            cmd.append("--union-default-graph")
        # No stdin watch in oxigraph: ask the kernel to SIGTERM it when this process dies.
        setpriv = shutil.which("setpriv")
        if setpriv and sys.platform.startswith("linux"):
            cmd = [setpriv, "--pdeathsig", "TERM", "--", *cmd]
        return cmd

    def start(self) -> OxigraphServer:
        if self.running:
            return self
        if self.data_dir is not None:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        # It cannot report a port it chose itself (`--bind :0` prints ":0"): pick one, and pick
        # again if another process took it in between.
        for attempt in range(5):
            if not self.port:
                self.port = free_port()
            self._set_urls(self.port)
            cmd = self.command()
            proc = self._spawn(cmd, watch_stdin=False)
            deadline = time.monotonic() + self.startup_timeout
            while not self._answers():
                if proc.poll() is not None:
                    what = self._exited(proc)
                    if "Address already in use" in self.output() and not self._fixed_port and attempt < 4:
                        self.port = None
                        break
                    raise ServerError(self._describe(what, cmd))
                if time.monotonic() > deadline:
                    self.stop()
                    raise ServerError(self._describe(f"did not answer a query after {self.startup_timeout:.0f} s", cmd))
                time.sleep(0.05)
            else:
                return self
        raise AssertionError("unreachable")


@contextmanager
def fuseki_server(data_dir: Path | None = None, **kwargs: Any) -> Iterator[FusekiServer]:
    """A running Fuseki on a free 127.0.0.1 port: dataset "kg", TDB2 in memory (or on disk in
    `data_dir`), union default graph. Stopped on exit whatever happened. Keyword arguments go to
    `FusekiServer` (port, startup_timeout)."""
    server = FusekiServer(data_dir, **kwargs)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@contextmanager
def oxigraph_server(data_dir: Path | None = None, **kwargs: Any) -> Iterator[OxigraphServer]:
    """A running `oxigraph serve` on a free 127.0.0.1 port, storing in `data_dir` (None: a
    temporary directory removed on exit). Stopped on exit whatever happened. Keyword arguments go
    to `OxigraphServer` (port, union_default_graph, startup_timeout)."""
    with running(lambda d: OxigraphServer(d, **kwargs), data_dir, "kg-oxigraph-") as server:
        yield server
