"""A remote SPARQL 1.1 endpoint as a store (--store http://host:port/dataset).

Reads are SPARQL queries (SPARQL 1.1 Protocol, POST, JSON results) over the union of the
endpoint's named graphs; writes are SPARQL Update requests, one per batch of articles, each
`DROP SILENT GRAPH <article graph> ... ; INSERT DATA { GRAPH ... }`, so a server applies every
article of a batch whole or not at all. Terms are written by pyoxigraph, so article text is
escaped and never becomes update syntax.

Endpoints: for a dataset URL such as http://localhost:3030/kg (Fuseki) or http://localhost:7878
(Oxigraph server), queries go to <url>/query and updates to <url>/update. A URL that already ends
in /query or /sparql is the query endpoint and /update beside it the update endpoint.

Union of graphs: the project keeps each article in a named graph and the saved queries read
the default graph, so the endpoint's default graph must be the union of its named graphs.
Oxigraph server gets it per query (its `union-default-graph` parameter, sent with every query);
Fuseki gets it from its dataset configuration (TDB2 `tdb2:unionDefaultGraph true`, as
scripts/fuseki-server configures it). connect() checks it and says what to change when it is not so.

Credentials: HTTP basic auth from KG_SPARQL_USER / KG_SPARQL_PASSWORD (or user:password@ in the
URL); they are sent, never printed. KG_SPARQL_TIMEOUT sets the timeout in seconds (default 60).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, BinaryIO

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat
from pyoxigraph import Store as OxStore

from kg import rdf
from kg.stores.base import StoreError
from kg.stores.sparql import SparqlStore, bind_parameters, first_date_update, to_python

_RESULTS_JSON = "application/sparql-results+json"
_XSD_STRING = rdf.XSD + "string"


def _endpoints(url: str) -> tuple[str, str]:
    base = url.rstrip("/")
    for tail in ("/query", "/sparql"):
        if base.endswith(tail):
            return base, base[: -len(tail)] + "/update"
    if base.endswith("/update"):
        return base[: -len("/update")] + "/query", base
    return base + "/query", base + "/update"


def _split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """(url without user:password@, user, password)."""
    parts = urllib.parse.urlsplit(url)
    if not parts.username and not parts.password:
        return url, None, None
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    clean = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return clean, urllib.parse.unquote(parts.username or ""), urllib.parse.unquote(parts.password or "")


def _term(binding: dict[str, str]) -> Any:
    """A SPARQL JSON results term as a pyoxigraph term."""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return NamedNode(value)
    if kind == "bnode":
        return BlankNode(value)
    if "xml:lang" in binding:
        return Literal(value, language=binding["xml:lang"])
    datatype = binding.get("datatype")
    if datatype and datatype != _XSD_STRING:
        return Literal(value, datatype=NamedNode(datatype))
    return Literal(value)


def _one_line(text: str, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


class RemoteSparqlStore(SparqlStore):
    # One update request per batch; kept modest so no server refuses the request for its size.
    batch_quads = 5_000

    def __init__(self, url: str, *, user: str | None = None, password: str | None = None, timeout: float = 60.0) -> None:
        self.location = url
        self.query_url, self.update_url = _endpoints(url)
        self._timeout = timeout
        self._auth = None
        if user is not None or password is not None:
            token = base64.b64encode(f"{user or ''}:{password or ''}".encode()).decode("ascii")
            self._auth = f"Basic {token}"

    @classmethod
    def connect(cls, url: str) -> RemoteSparqlStore:
        """Open the endpoint; StoreError (one line, no credentials) when it cannot be used."""
        clean, user, password = _split_credentials(url)
        user = os.environ.get("KG_SPARQL_USER", user)
        password = os.environ.get("KG_SPARQL_PASSWORD", password)
        try:
            timeout = float(os.environ.get("KG_SPARQL_TIMEOUT", "60"))
        except ValueError:
            raise StoreError("KG_SPARQL_TIMEOUT must be a number of seconds") from None
        store = cls(clean, user=user, password=password, timeout=timeout)
        store.check_union_default_graph()
        return store

    # ---- HTTP ----

    def _request(self, url: str, body: bytes, content_type: str, accept: str | None, doing: str, shown: str = "") -> bytes:
        headers = {"Content-Type": content_type, "User-Agent": "geokg"}
        if accept:
            headers["Accept"] = accept
        if self._auth:
            headers["Authorization"] = self._auth
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        where = f"SPARQL endpoint {shown or url}"
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = ""
            with contextlib.suppress(OSError):
                detail = _one_line(exc.read().decode("utf-8", "replace"))
            hint = " (check KG_SPARQL_USER / KG_SPARQL_PASSWORD)" if exc.code in (401, 403) else ""
            detail = f": {detail}" if detail else ""
            raise StoreError(f"{where}: {doing} failed: HTTP {exc.code} {exc.reason}{hint}{detail}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason.strerror if isinstance(exc.reason, OSError) and exc.reason.strerror else exc.reason
            raise StoreError(f"{where}: unreachable ({_one_line(str(reason))})") from None
        except TimeoutError:
            raise StoreError(f"{where}: no answer within {self._timeout:g} s (set KG_SPARQL_TIMEOUT)") from None
        except (ConnectionError, OSError) as exc:
            raise StoreError(f"{where}: connection failed ({_one_line(exc.strerror or type(exc).__name__)})") from None

    def _query_json(self, query: str) -> dict[str, Any]:
        body = urllib.parse.urlencode({"query": query}).encode("utf-8")
        # Oxigraph server: the union of all graphs as the default graph; other servers ignore it.
        url = self.query_url + ("&" if "?" in self.query_url else "?") + "union-default-graph"
        raw = self._request(url, body, "application/x-www-form-urlencoded", _RESULTS_JSON, "query", self.query_url)
        try:
            return json.loads(raw)
        except ValueError:
            raise StoreError(f"SPARQL endpoint {self.query_url}: the answer is not SPARQL JSON results") from None

    def update(self, update: str) -> None:
        self._request(self.update_url, update.encode("utf-8"), "application/sparql-update; charset=utf-8", None, "update")

    # ---- SparqlStore primitives ----

    def _select(self, query: str, bindings: dict[str, Literal] | None = None) -> list[dict[str, Any]]:
        return [{k: to_python(v) for k, v in row.items()} for row in self._select_terms(query, bindings)]

    def _select_terms(self, query: str, bindings: dict[str, Literal] | None = None) -> list[dict[str, Any]]:
        if bindings:
            query = bind_parameters(query, bindings)
        answer = self._query_json(query)
        if "boolean" in answer:
            return [{"boolean": Literal("true" if answer["boolean"] else "false", datatype=NamedNode(rdf.XSD + "boolean"))}]
        return [{k: _term(v) for k, v in row.items()} for row in answer.get("results", {}).get("bindings", [])]

    def _ask(self, query: str) -> bool:
        return bool(self._query_json(query).get("boolean"))

    def _update(self, update: str) -> None:
        self.update(update)

    def _replace_articles(self, batch: list[tuple[NamedNode, list[Quad], list[Quad]]]) -> None:
        # The events the old versions of these articles told: their first dates may change too.
        graphs = " ".join(str(graph) for graph, _own, _shared in batch)
        told = f"SELECT DISTINCT ?e WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?e {rdf.P.event_type} ?t }} }}"
        events = {r["e"] for r in self._select_terms(told)}
        events.update(q.subject for _graph, own, _shared in batch for q in own if q.predicate == rdf.P.event_type)
        drops = " ".join(f"DROP SILENT GRAPH {graph} ;" for graph, _own, _shared in batch)
        seen: set[Quad] = set()
        parts: list[str] = []
        for _graph, own, shared in batch:
            for q in (*own, *shared):
                if q not in seen:
                    seen.add(q)
                    parts.append(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}")
        dates = f" ;\n{first_date_update(events)}" if events else ""
        self.update(f"{drops} INSERT DATA {{ {' '.join(parts)} }}{dates}")

    # ---- checks and export ----

    def check_union_default_graph(self) -> None:
        """Raise StoreError when the endpoint has named graphs but its default graph does not show them."""
        if not self._ask("ASK { GRAPH ?g { ?s ?p ?o } }"):
            self._ask("ASK { ?s ?p ?o }")  # reachable and answering; nothing to compare yet
            return
        if not self._ask("ASK { ?s ?p ?o }"):
            raise StoreError(
                f"SPARQL endpoint {self.location}: its default graph is not the union of its named graphs "
                "(Fuseki: set tdb2:unionDefaultGraph true on the dataset; Oxigraph: run `oxigraph serve --union-default-graph`)"
            )

    def quads(self) -> list[Quad]:
        """Every quad in the endpoint's named graphs."""
        rows = self._select_terms("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        return [Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows]

    def dump(self, output: BinaryIO, fmt: RdfFormat, union: bool) -> None:
        """Write every quad (TriG, N-Quads) or the union of all graphs (triple formats)."""
        from kg.stores.oxigraph import OxigraphStore

        mem = OxStore()
        mem.extend(self.quads())
        OxigraphStore(mem, "memory").dump(output, fmt, union)
