"""The embedded default store: pyoxigraph on disk, one named graph per article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat
from pyoxigraph import Store as OxStore

from kg.stores.base import StoreError
from kg.stores.sparql import PREFIX_BLOCK, SparqlStore, bind_parameters, to_python


class OxigraphStore(SparqlStore):
    # RocksDB keeps written data in memtables until a flush: without one an import grows with its
    # input (8,000 GDELT articles: 722 MiB; flushed every ~2,000 articles: ~220 MiB). A flush only
    # persists transactions already committed, so every article stays written whole or not at all.
    flush_quads = 100_000
    def __init__(self, store: OxStore, location: str, read_only: bool = False) -> None:
        self._store = store
        self.location = location
        self._read_only = read_only
        self._shared_written: set[Quad] = set()
        self._pending_shared: list[Quad] = []
        self._unflushed = 0

    @classmethod
    def open(cls, path: Path, *, create: bool = True, read_only: bool = False) -> OxigraphStore:
        if path.exists() and not path.is_dir():
            raise StoreError(f"store {path}: exists and is not a folder")
        if not path.exists():
            if not create or read_only:
                raise StoreError(f"store {path}: no such store (run `kg ingest` first)")
            try:
                path.mkdir(parents=True)
            except OSError as exc:
                raise StoreError(f"store {path}: cannot create it ({exc.strerror})") from None
        try:
            store = OxStore.read_only(str(path)) if read_only else OxStore(str(path))
        except OSError as exc:
            text = str(exc)
            if "lock" in text.lower():
                raise StoreError(f"store {path}: in use by another kg process; wait for it to finish and try again") from None
            raise StoreError(f"store {path}: cannot open it ({text.splitlines()[0] if text else type(exc).__name__})") from None
        return cls(store, str(path), read_only)

    def _select(self, query: str, bindings: dict[str, Literal] | None = None) -> list[dict[str, Any]]:
        if bindings:
            query = bind_parameters(query, bindings)
        try:
            solutions = self._store.query(query, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise StoreError(f"SPARQL syntax error: {str(exc).splitlines()[0]}") from None
        names = [v.value for v in solutions.variables]
        return [{n: to_python(sol[n]) for n in names if sol[n] is not None} for sol in solutions]

    def _replace_articles(self, batch: list[tuple[NamedNode, list[Quad], list[Quad]]]) -> None:
        """One transaction for the whole batch: readers and a crash see every article of it old or new.

        New articles (the bulk of an ingest) go in with one Store.extend. An article already in the
        store is compared with what is there: unchanged, it costs nothing (re-ingesting is cheap);
        changed, only the difference is written, as DELETE DATA + INSERT DATA in one SPARQL update.
        Entity quads already written by this store object are not sent again (they never go away).
        """
        inserts: list[Quad] = []
        deletes: list[Quad] = []
        for graph, own, shared in batch:
            if self._store.contains_named_graph(graph):
                old = set(self._store.quads_for_pattern(None, None, None, graph))
                new = set(own)
                deletes.extend(old - new)
                inserts.extend(q for q in own if q not in old)
            else:
                inserts.extend(own)
            for q in shared:
                if q not in self._shared_written:
                    inserts.append(q)
                    self._pending_shared.append(q)
        try:
            if deletes:
                self._store.update(f"DELETE DATA {{ {_quad_text(deletes)} }} ; INSERT DATA {{ {_quad_text(inserts)} }}")
            elif inserts:
                self._store.extend(inserts)
        except BaseException:
            self._pending_shared.clear()
            raise
        self._shared_written.update(self._pending_shared)
        self._pending_shared.clear()
        self._unflushed += len(inserts) + len(deletes)
        if self._unflushed >= self.flush_quads:
            self._store.flush()
            self._unflushed = 0

    def dump(self, output: Any, fmt: RdfFormat, union: bool) -> None:
        """Write every quad (TriG, N-Quads) or the union of all graphs (triple formats)."""
        if union:
            triples = self._store.query(PREFIX_BLOCK + "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            from pyoxigraph import serialize

            serialize(triples, output, fmt, prefixes=_prefixes())
        else:
            self._store.dump(output, fmt, prefixes=_prefixes())

    def close(self) -> None:
        if not self._read_only:
            self._store.flush()
        del self._store


def _quad_text(quads: list[Quad]) -> str:
    """Quads as SPARQL data: terms are written by pyoxigraph, so text from articles is escaped."""
    return " ".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads)


def _prefixes() -> dict[str, str]:
    """Prefixes for serialising. Instance ids (gkid:) are left as full IRIs: their local parts hold
    slashes, which Turtle would have to escape (gkid:state\\/PRK)."""
    from kg.rdf import PREFIXES

    return {k: v for k, v in PREFIXES.items() if k != "gkid"}
