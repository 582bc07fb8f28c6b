"""Neo4j Browser helpers: the guide (`:play`) made from the saved Cypher queries, and a tiny server for it.

    python -m kg.stores.neo4j_browser guide > ontology/neo4j/guide.html   # regenerate (a test checks it)
    python -m kg.stores.neo4j_browser serve [--port 8001]                  # then in Browser:
        :play http://localhost:8001/guide.html

Neo4j Browser fetches remote guides from the page, so the server answers with CORS headers; the
default allow-list of Neo4j (browser.remote_content_hostname_allowlist) already contains localhost.
"""

from __future__ import annotations

import contextlib
import html
import sys
from pathlib import Path

from kg import queries
from kg.paths import ontology_dir

# Example values for the guide's parameters: the demo graph built from seeds/.
EXAMPLES = {
    "since": '"0001-01-01"',
    "state": '"North Korea"',
    "other": '"Russia"',
    "actor": '"North Korea"',
    "source": '"North Korea"',
    "target": '"Russia"',
    "kind": '"SUPPORTS"',
    "limit": "100",
    "offset": "0",
}

# The walk-through order: the headline question first, then its evidence, then the rest.
_ORDER = ["alliances", "evidence", "condemnations", "deployments", "dyad-timeline", "actor-profile", "connection"]

_INTRO = """\
<p>These slides walk through the project's saved questions (<code>queries/*.cypher</code>, the same
ones <code>kg query NAME</code> runs). Click a grey code block to put it in the editor, then run it
(<kbd>Ctrl</kbd>+<kbd>Enter</kbd>). Start with the parameters below; change them with
<code>:param name =&gt; value</code> at any time.</p>
<p>Style the graph with <code>ontology/neo4j/style.grass</code>: drag the file onto this window
(or run <code>:style</code> and drop it there).</p>
"""


def body(cypher: str) -> str:
    """A saved query without its header comments."""
    lines = cypher.splitlines()
    while lines and (not lines[0].strip() or lines[0].lstrip().startswith("//")):
        lines.pop(0)
    return "\n".join(lines).strip()


def one_line(cypher: str) -> str:
    """The query on one line, without comment lines (what a single-line editor can take)."""
    kept = [ln.strip() for ln in body(cypher).splitlines() if ln.strip() and not ln.lstrip().startswith("//")]
    return " ".join(kept)


def params_command(names: list[str]) -> str:
    empty = '""'
    pairs = ", ".join(f"{n}: {EXAMPLES.get(n, empty)}" for n in names)
    return f":params {{{pairs}}}"


def guide_html() -> str:
    def rank(q: queries.SavedQuery) -> tuple[int, str]:
        return (_ORDER.index(q.name) if q.name in _ORDER else len(_ORDER), q.name)

    saved = sorted((q for q in queries.catalogue() if q.cypher), key=rank)
    names = list(dict.fromkeys(p.name for q in saved for p in q.params))
    slides = [
        _slide("Geopolitical event graph: saved questions", _INTRO + _code(params_command(names)))
    ]
    for q in saved:
        params = "".join(
            f"<li><code>${html.escape(p.name)}</code> ({html.escape(p.type)}"
            + (f", default {html.escape(p.default)}" if p.default else "")
            + f"): {html.escape(p.description)}</li>"
            for p in q.params
        )
        text = f"<p>{html.escape(q.description)}</p>" + (f"<ul>{params}</ul>" if params else "") + _code(body(q.cypher or ""))
        text += f"<p>Same question on the command line: <code>kg query {html.escape(q.name)}</code></p>"
        slides.append(_slide(q.name, text, anchor=q.name))
    slides.append(
        _slide(
            "The graph itself",
            "<p>States, people, organisations and places are <code>:Entity</code> nodes with a label per kind; "
            "events are <code>:Event</code> nodes with a label per type. Derived state-to-state relations "
            "(<code>SUPPORTS</code>, <code>OPPOSES</code>, <code>ALLIED_WITH</code>) carry weight, first and last date "
            "and the ids of the events behind them.</p>"
            + _code("MATCH p = (:State)-[:SUPPORTS|OPPOSES|ALLIED_WITH]->(:State) RETURN p")
            + _code("MATCH p = (e:Event)-[:ACTOR|RECIPIENT|IN_PLACE]->() RETURN p LIMIT 200"),
        )
    )
    return (
        '<article class="guide">\n<carousel class="deck container-fluid">\n'
        + "\n".join(slides)
        + "\n</carousel>\n</article>\n"
    )


def _slide(title: str, inner: str, anchor: str | None = None) -> str:
    ident = f' id="{html.escape(anchor)}"' if anchor else ""
    return (
        f'<slide class="row-fluid"{ident}>\n<div class="col-sm-12">\n<h3>{html.escape(title)}</h3>\n'
        f"{inner}\n</div>\n</slide>"
    )


def _code(cypher: str) -> str:
    return f'<pre mode="cypher" class="pre-scrollable code runnable">{html.escape(cypher)}</pre>\n'


def guide_path() -> Path:
    return ontology_dir() / "neo4j" / "guide.html"


def style_path() -> Path:
    return ontology_dir() / "neo4j" / "style.grass"


def make_server(port: int = 8001, host: str = "127.0.0.1"):
    """An HTTP server for ontology/neo4j/ (guide.html, style.grass) with the CORS headers Browser needs."""
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Handler(SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "*")
            self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def do_OPTIONS(self) -> None:  # noqa: N802  (the CORS preflight Browser sends first)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return None

    return ThreadingHTTPServer((host, port), functools.partial(Handler, directory=str(guide_path().parent)))


def serve(port: int = 8001, host: str = "127.0.0.1") -> None:
    """Serve the guide until interrupted."""
    with make_server(port, host) as httpd:
        where = f"http://localhost:{httpd.server_address[1]}"
        print(f"serving {guide_path().parent} at {where}/ ; in Neo4j Browser: :play {where}/guide.html", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            httpd.serve_forever()


def main(argv: list[str]) -> int:
    if argv[:1] == ["guide"]:
        sys.stdout.write(guide_html())
        return 0
    if argv[:1] == ["serve"]:
        port = int(argv[argv.index("--port") + 1]) if "--port" in argv else 8001
        serve(port)
        return 0
    print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))


__all__ = ["guide_html", "one_line", "body", "params_command", "make_server", "serve", "guide_path", "style_path"]
