"""The embedded default store: pyoxigraph on disk, one named graph per article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat
from pyoxigraph import Store as OxStore

from kg import rdf
from kg.stores.base import StoreError
from kg.stores.sparql import PREFIX_BLOCK, SparqlStore, bind_parameters, first_date_update, to_python

_EVENT_TYPE = rdf.P.event_type
# Quads that change an event's first date when an article adds, drops or changes them.
_DATES = (rdf.P.date, rdf.P.reported)
_DATING = frozenset((_EVENT_TYPE, *_DATES))


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
        opened = cls(store, str(path), read_only)
        if not read_only and opened._lacks_first_dates():
            opened.rebuild_first_dates()
        return opened

    def _lacks_first_dates(self) -> bool:
        """A store written before events had a stored first date (or filled by a bulk load)."""
        if self._store.contains_named_graph(rdf.EVENT_DATES_GRAPH):
            return False
        return next(iter(self._store.quads_for_pattern(None, _EVENT_TYPE, None, None)), None) is not None

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
        Each event's gk:firstDate is derived in the same transaction: in Python for events no other
        article reports (their dates are all in the batch), by a SPARQL update for the others.
        """
        inserts: list[Quad] = []
        deletes: list[Quad] = []
        touched: set[NamedNode] = set()
        for graph, own, shared in batch:
            if self._store.contains_named_graph(graph):
                old = set(self._store.quads_for_pattern(None, None, None, graph))
                new = set(own)
                deletes.extend(old - new)
                inserts.extend(q for q in own if q not in old)
                touched.update(q.subject for q in old ^ new if q.predicate in _DATING)
            else:
                inserts.extend(own)
            for q in shared:
                if q not in self._shared_written:
                    inserts.append(q)
                    self._pending_shared.append(q)
        known: set[NamedNode] = set()
        fresh = self._fresh_events(inserts, touched, known)
        dates = rdf.first_date_quads(q for q in inserts if q.subject in fresh)
        if known and not deletes and not touched:
            # New articles about events other articles already told: in Python too, unless an
            # event's first date moves (a stored quad to delete needs the SPARQL path).
            added = self._known_first_dates(inserts, known)
            if added is not None:
                dates.extend(added)
                known.clear()
        touched |= known
        try:
            if deletes or touched:
                self._store.update(
                    f"DELETE DATA {{ {_quad_text(deletes)} }} ; INSERT DATA {{ {_quad_text(inserts + dates)} }}"
                    + (" ;\n" + first_date_update(touched) if touched else "")
                )
            elif inserts:
                self._store.extend(inserts + dates)
        except BaseException:
            self._pending_shared.clear()
            raise
        self._shared_written.update(self._pending_shared)
        self._pending_shared.clear()
        self._unflushed += len(inserts) + len(deletes)
        if self._unflushed >= self.flush_quads:
            self._store.flush()
            self._unflushed = 0

    def _fresh_events(self, inserts: list[Quad], touched: set[NamedNode], known: set[NamedNode]) -> set[NamedNode]:
        """Events of the inserted quads that no article in the store reports yet; the others (not
        already in `touched`) go into `known`: their first date needs the other articles' word."""
        fresh: set[NamedNode] = set()
        for q in inserts:
            e = q.subject
            if q.predicate != _EVENT_TYPE or e in touched or e in fresh or e in known:
                continue
            if next(iter(self._store.quads_for_pattern(e, _EVENT_TYPE, None, None)), None) is None:
                fresh.add(e)
            else:
                known.add(e)
        return fresh

    def _known_first_dates(self, inserts: list[Quad], known: set[NamedNode]) -> list[Quad] | None:
        """First-date quads to add for `known` events, from the store's dates and the batch's; None
        when one already has a different first date (it must be deleted: the SPARQL path)."""
        told = [q for q in inserts if q.subject in known]
        for e in known:
            for p in _DATES:
                told.extend(self._store.quads_for_pattern(e, p, None, None))
        added: list[Quad] = []
        for q in rdf.first_date_quads(told):
            stored = list(self._store.quads_for_pattern(q.subject, rdf.FIRST_DATE, None, rdf.EVENT_DATES_GRAPH))
            if not stored:
                added.append(q)
            elif stored != [q]:
                return None
        return added

    def _update(self, update: str) -> None:
        self._store.update(update)

    def rebuild_first_dates(self) -> None:
        super().rebuild_first_dates()
        self._store.add_graph(rdf.EVENT_DATES_GRAPH)  # kept even when empty: open() knows it was done

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
