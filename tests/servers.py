"""Real servers for tests, started as subprocesses (plain helpers: the fixtures live in conftest.py).

    from tests.servers import neo4j_server, free_port

    with neo4j_server() as server:              # auth disabled, throwaway data directory
        GraphDatabase.driver(server.bolt_uri, auth=None)
        server.stop(); server.start()            # same ports, same data directory

`neo4j_server` runs scripts/neo4j-server (Neo4j 5.26 Community from Maven Central jars, built by
Maven on first use) and waits for its "ready bolt://" line.
"""

from __future__ import annotations

import collections
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEO4J_SCRIPT = ROOT / "scripts" / "neo4j-server"

#: Seconds to wait for the ready line once the launcher is built.
STARTUP_TIMEOUT = float(os.environ.get("KG_TEST_NEO4J_STARTUP_TIMEOUT", "180"))
#: Seconds allowed for the one-off Maven build and jar download (a fresh machine, a slow mirror).
BUILD_TIMEOUT = float(os.environ.get("KG_TEST_NEO4J_BUILD_TIMEOUT", "900"))
#: Seconds for a graceful shutdown before the process group is killed.
STOP_TIMEOUT = 60.0

_build_lock = threading.Lock()
_built: set[Path] = set()


class ServerError(RuntimeError):
    """A test server failed to build, start or stop; the message carries its last output."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (the usual bind-to-0 trick)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_process(proc: subprocess.Popen, reader: threading.Thread | None, timeout: float) -> int | None:
    """Stop a server started in its own process group: SIGTERM, then SIGKILL of the group after
    `timeout` s; close its stdin (the --watch-stdin lifeline) and let its output reader finish."""
    if proc.poll() is None:
        with suppress(ProcessLookupError):
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
    if proc.stdin is not None:
        with suppress(OSError):
            proc.stdin.close()
    if reader is not None:
        reader.join(5)
    return proc.returncode


def _free_ports(n: int) -> list[int]:
    ports: list[int] = []
    while len(ports) < n:
        p = free_port()
        if p not in ports:
            ports.append(p)
    return ports


def build_launcher(script: Path, timeout: float, error: type[Exception]) -> None:
    """Run `script --build-only` (Maven build, jar download) once per process and script; cheap
    when up to date. A failure raises `error` with the build's last output."""
    with _build_lock:
        if script in _built:
            return
        try:
            res = subprocess.run(
                [str(script), "--build-only"],
                stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout,
            )  # fmt: skip
        except subprocess.TimeoutExpired as e:
            raise error(f"{script} --build-only took more than {timeout:.0f} s") from e
        if res.returncode != 0:
            out = (res.stdout + res.stderr).strip()[-4000:]
            raise error(f"{script} --build-only failed (exit {res.returncode}):\n{out}")
        _built.add(script)


def build_neo4j() -> None:
    """Build the Neo4j launcher and fetch its jars if needed."""
    build_launcher(NEO4J_SCRIPT, BUILD_TIMEOUT, ServerError)


class Neo4jServer:
    """One scripts/neo4j-server process on fixed ports and a fixed data directory.

    `start()` and `stop()` may be called repeatedly: the ports and the data directory stay the same,
    so a test can stop the server mid-load and bring it back with its data."""

    def __init__(
        self,
        data_dir: Path,
        password: str | None = None,
        *,
        bolt_port: int | None = None,
        http_port: int | None = None,
        extra_args: tuple[str, ...] = (),
        startup_timeout: float = STARTUP_TIMEOUT,
    ) -> None:
        if bolt_port is None or http_port is None:
            b, h = _free_ports(2)
            bolt_port = bolt_port or b
            http_port = http_port or (h if h != bolt_port else free_port())
        self.data_dir = Path(data_dir)
        self.password = password
        self.bolt_port = bolt_port
        self.http_port = http_port
        self.extra_args = tuple(extra_args)
        self.startup_timeout = startup_timeout
        self.bolt_uri = f"bolt://127.0.0.1:{bolt_port}"
        self.http_url = f"http://127.0.0.1:{http_port}"
        #: (user, password) for the driver, or None when auth is disabled.
        self.auth: tuple[str, str] | None = ("neo4j", password) if password is not None else None
        #: Exit code of the last stopped process (0 after a clean shutdown).
        self.returncode: int | None = None
        self._proc: subprocess.Popen[str] | None = None
        self._reader: threading.Thread | None = None
        self._ready = threading.Event()
        self._output: collections.deque[str] = collections.deque(maxlen=300)

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<Neo4jServer {self.bolt_uri} {self.http_url} {state} data={self.data_dir}>"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def command(self) -> list[str]:
        cmd = [str(NEO4J_SCRIPT), "--bolt-port", str(self.bolt_port), "--http-port", str(self.http_port),
               "--data", str(self.data_dir), "--watch-stdin"]  # fmt: skip
        if self.password is not None:
            cmd += ["--password", self.password]
        return cmd + list(self.extra_args)

    def output(self) -> str:
        """The server's recent stdout and stderr (at most the last 300 lines)."""
        return "".join(self._output)

    def start(self) -> Neo4jServer:
        if self.running:
            return self
        build_neo4j()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._ready.clear()
        self._output.clear()
        self.returncode = None
        # Own session: a Ctrl-C in the terminal reaches pytest, which stops us in order. stdin is a
        # pipe the server watches (--watch-stdin): if this process dies, the server stops too.
        self._proc = subprocess.Popen(
            self.command,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, errors="replace", bufsize=1, start_new_session=True, cwd=ROOT,
        )  # fmt: skip
        self._reader = threading.Thread(target=self._read, args=(self._proc,), daemon=True)
        self._reader.start()
        deadline = time.monotonic() + self.startup_timeout
        while not self._ready.wait(0.2):
            if self._proc.poll() is not None:
                self._reader.join(5)
                code = self._proc.returncode
                self._proc = None
                raise ServerError(self._describe(f"exited with code {code} before it was ready"))
            if time.monotonic() > deadline:
                self.stop()
                raise ServerError(self._describe(f"was not ready after {self.startup_timeout:.0f} s"))
        return self

    def stop(self, timeout: float = STOP_TIMEOUT) -> int | None:
        """Graceful shutdown (SIGTERM, then SIGKILL of the process group after `timeout` s).
        Returns the exit code: 0 after a clean shutdown, None if nothing was running."""
        proc, self._proc = self._proc, None
        if proc is None:
            return None
        self.returncode = stop_process(proc, self._reader, timeout)
        return self.returncode

    def _read(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            self._output.append(line)
            if f"ready bolt://127.0.0.1:{self.bolt_port}" in line:
                self._ready.set()
        proc.stdout.close()

    def _describe(self, what: str) -> str:
        text = self.output().strip() or "(no output)"
        log = self.data_dir / "logs" / "neo4j.log"
        if log.is_file():
            tail = log.read_text(errors="replace").splitlines()[-30:]
            text += f"\n--- last lines of {log} ---\n" + "\n".join(tail)
        return f"Neo4j test server ({' '.join(self.command)}) {what}. Its last output:\n{text[-8000:]}"


@contextmanager
def neo4j_server(data_dir: Path | None = None, password: str | None = None, **kwargs) -> Iterator[Neo4jServer]:
    """A running Neo4j 5.26 on free 127.0.0.1 ports: yields a `Neo4jServer` (.bolt_uri, .http_url,
    .auth, .stop(), .start()). Auth is disabled unless `password` is given (user neo4j). Without
    `data_dir` the store lives in a temporary directory removed on exit. The server is stopped on
    exit whatever happened. Keyword arguments go to `Neo4jServer` (ports, extra_args, timeout)."""
    with running(lambda d: Neo4jServer(d, password, **kwargs), data_dir, "kg-neo4j-") as server:
        yield server


@contextmanager
def running(make: Callable[[Path], Any], data_dir: Path | None, prefix: str) -> Iterator[Any]:
    """Start the server `make(data_dir)` builds, yield it, stop it whatever happened. Without
    `data_dir` it stores in a temporary directory (named with `prefix`) removed on exit."""
    with ExitStack() as stack:
        if data_dir is None:
            data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=prefix)))
        server = make(Path(data_dir))
        try:
            server.start()
            yield server
        finally:
            server.stop()
