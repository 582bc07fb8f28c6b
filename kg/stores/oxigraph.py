"""The embedded default store: pyoxigraph on disk, one named graph per article."""

from __future__ import annotations

import sys
import threading
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize
from pyoxigraph import Store as OxStore

from kg import rdf
from kg.model import Entity, Event, Extraction
from kg.stores.base import StoreError, WriteReport
from kg.stores.sparql import PREFIX_BLOCK, SparqlStore, bind_parameters, first_date_update, to_python

_EVENT_TYPE = rdf.P.event_type
# Quads that change an event's first date when an article adds, drops or changes them.
_DATES = (rdf.P.date, rdf.P.reported)
_DATING = frozenset((_EVENT_TYPE, *_DATES))
_DATE, _REPORTED = _DATES
# Articles being bulk-loaded: (article graph, gk:pendingWrite, round) in this graph, committed
# before the load; (round, gk:writeComplete, true) in the transaction that completes the round.
PENDING_GRAPH = NamedNode(rdf.GRAPH + "pending-writes")
_PENDING = rdf.gk("pendingWrite")
_COMPLETE = rdf.gk("writeComplete")
_TRUE = Literal("true", datatype=NamedNode(rdf.XSD + "boolean"))


@dataclass
class _Round:
    """Articles bulk-loaded together (see OxigraphStore._write_round)."""

    node: NamedNode
    graphs: set[NamedNode] = field(default_factory=set)
    # event (its IRI as N-Quads text): [earliest date, earliest report] in the round's articles
    days: dict[str, list[str | None]] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)  # events the store (or the round in flight) had before the round
    error: BaseException | None = None


@dataclass
class _Loading:
    rnd: _Round
    thread: threading.Thread


class OxigraphStore(SparqlStore):
    # RocksDB keeps written data in memtables until a flush: without one an import grows with its
    # input (8,000 GDELT articles: 722 MiB; flushed every ~2,000 articles: ~220 MiB). A flush only
    # persists transactions already committed, so every article stays written whole or not at all.
    flush_quads = 100_000
    # New articles are bulk-loaded a round at a time (see write): each load makes new files in
    # every index, which RocksDB then compacts with the rest, so rounds are large (pyoxigraph's own
    # bulk load works in chunks of about a million quads too). A round is held as N-Quads bytes
    # while it loads; 60,000 GDELT events: rounds of 1,000,000 quads peaked at 1,519 MiB, of
    # 500,000 at 890 MiB, in about the same time.
    round_quads = 500_000

    # close() compacts the store (see optimize) after this many bulk-loaded quads: on 200,000
    # events written by write() (7.6 M quads), optimize took 21.5 s and made the saved queries 3-4.5x
    # faster (bench/RESULTS.md c, 2026-11-28).
    optimize_after_quads = 1_000_000

    def __init__(self, store: OxStore, location: str, read_only: bool = False) -> None:
        self._store = store
        self.location = location
        self._read_only = read_only
        self._entities_written: set[Entity] = set()  # their quads are in the store
        self._pending_entities: list[Entity] = []
        self._unflushed = 0
        self._bulk_written = 0
        self._loading: _Loading | None = None

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
        if store.contains_named_graph(PENDING_GRAPH):
            if read_only:
                print(f"kg: store {path}: an ingest is running or was interrupted; the articles it is writing may show "
                      "in part (run the ingest again to complete them)", file=sys.stderr)  # fmt: skip
            else:
                opened._finish_interrupted_write()
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

    def write(self, extractions: Iterable[Extraction]) -> WriteReport:
        """Articles new to the store are bulk-loaded, a round of about `round_quads` quads at a
        time, each round loading in a thread while the next is built (see _write_round); articles
        already in it (or twice in one round) are replaced in transactions (see _replace_stored)."""
        report = WriteReport()
        it = iter(extractions)
        try:
            while not self._write_round(it, report):
                pass
        finally:
            self._join_loader()
        return report

    def _write_round(self, extractions: Iterator[Extraction], report: WriteReport) -> bool:
        """Build the next round of articles new to the store, and hand it to the loader thread:

        1. one transaction marks the round's articles as pending (in PENDING_GRAPH, the round's
           node as object) and adds the entity quads not written yet (entities are never removed,
           so writing them early is harmless);
        2. Store.bulk_load writes the round's quads (kg.rdf's N-Quads lines, with the first dates of
           the events no article in the store reports yet) straight to new files, in a thread,
           while the next round is built: no transaction, so a crash there leaves part of them;
        3. once it is in, one transaction adds or moves the first dates of the round's events the
           store already had and marks the round complete (see _finish_round); the marks are then
           removed.
        open() for writing drops the articles of rounds not complete, and the first dates of events
        left without an article (see _finish_interrupted_write), so an interrupted ingest run again
        equals a clean run.
        Articles already in the store, or a second time in a round in flight (the last one wins),
        are set aside and replaced by _replace_stored once the rounds are in; the round ends there
        when they reach `batch_quads` quads. Returns whether the extractions are exhausted.
        """
        rnd = _Round(NamedNode(f"{rdf.GRAPH}pending-writes/{uuid.uuid4().hex}"))
        before = self._loading.rnd if self._loading else _Round(rnd.node)  # the round in flight
        stored: dict[NamedNode, tuple[NamedNode, list[Quad], list[Entity]]] = {}  # an article twice: the last wins
        chunks: list[bytes] = []
        group: list[str] = []
        entities_new: dict[Entity, None] = {}
        stored_size = quads = 0
        exhausted = False
        for ex in extractions:
            report.add(ex)
            graph = rdf.article_graph(ex.article.id)
            if graph in rnd.graphs or graph in before.graphs or graph in stored or self._store.contains_named_graph(graph):
                own, _ = rdf.extraction_quads(ex.article, ex.events)
                entities = rdf.extraction_entities(ex.events)
                stored[graph] = (graph, own, entities)
                stored_size += len(own) + sum(len(rdf.entity_lines(e)) for e in entities)
                if stored_size >= self.batch_quads:
                    break
                continue
            rnd.graphs.add(graph)
            lines = rdf.extraction_lines(ex.article, ex.events)
            group += lines
            for ent in rdf.extraction_entities(ex.events):
                if ent not in self._entities_written:
                    entities_new[ent] = None
            self._note_days(ex.events, rnd, before)
            quads += len(lines)
            if len(group) >= 50_000:
                chunks.append("".join(group).encode())
                group = []
            if quads >= self.round_quads:
                break
        else:
            exhausted = True
        if rnd.graphs:
            chunks.append("".join(group).encode())
            del group
            # First dates of the events no article in the store (or in the round in flight) reports
            # go in with the round (first: a crash mid-load can leave them without their articles,
            # see _finish_interrupted_write); the others' are derived once it is in (_finish_round).
            firsts = (rdf.first_date_line(e, day) for e, (date, reported) in rnd.days.items()
                      if e not in rnd.known and (day := rdf.first_day(date, reported)))  # fmt: skip
            chunks.insert(0, "".join(firsts).encode())
            data = b"".join(chunks)
            del chunks
            self._join_loader()
            shared_new = [q for ent in entities_new for q in rdf.entity_quads(ent)]
            self._store.extend([Quad(g, _PENDING, rnd.node, PENDING_GRAPH) for g in rnd.graphs] + shared_new)
            self._entities_written.update(entities_new)
            self._unflushed += len(rnd.graphs) + len(shared_new)
            self._bulk_written += quads
            self._start_loader(rnd, data)
        if stored:
            self._join_loader()
            self._replace_stored(list(stored.values()))
        return exhausted

    def _note_days(self, events: Iterable[Event], rnd: _Round, before: _Round) -> None:
        """Each event's earliest date and report in the round; events the store (or the round in
        flight) already has go to rnd.known: their first date is derived from the store's dates."""
        days = rnd.days
        for ev in events:
            e = rdf.event_iri_t(ev.id)
            seen = days.get(e)
            if seen is None:
                seen = days[e] = [None, None]
                if e in before.days or self._has_event(NamedNode(e[1:-1])):
                    rnd.known.add(e)
            date, reported = rdf.event_days(ev)
            if date and (seen[0] is None or date < seen[0]):
                seen[0] = date
            if reported and (seen[1] is None or reported < seen[1]):
                seen[1] = reported

    def _has_event(self, event: NamedNode) -> bool:
        return next(iter(self._store.quads_for_pattern(event, _EVENT_TYPE, None, None)), None) is not None

    def _start_loader(self, rnd: _Round, data: bytes) -> None:
        def load() -> None:
            try:  # kg.rdf's IRIs are percent-encoded or checked by pyoxigraph's NamedNode: lenient
                self._store.bulk_load(input=data, format=RdfFormat.N_QUADS, lenient=True)
            except BaseException as exc:  # re-raised by _join_loader
                rnd.error = exc

        thread = threading.Thread(target=load, name="kg-oxigraph-bulk-load")
        self._loading = _Loading(rnd, thread)
        thread.start()

    def _join_loader(self) -> None:
        """Wait for the round in flight, then complete it (step 3 of _write_round)."""
        loading, self._loading = self._loading, None
        if loading is None:
            return
        loading.thread.join()
        if loading.rnd.error is not None:  # what the load wrote of the round goes, as after a crash
            self._finish_interrupted_write()
            raise loading.rnd.error
        self._finish_round(loading.rnd)

    def _finish_round(self, rnd: _Round) -> None:
        """The first dates of the round's events the store had before it (from every article's dates,
        the round's included; the others' came with the round), and the round marked complete, in
        one transaction."""
        inserts: list[str] = []
        deletes: list[Quad] = []
        for e in rnd.known:
            node = NamedNode(e[1:-1])
            date = min((q.object.value for q in self._store.quads_for_pattern(node, _DATE, None, None)), default=None)
            reported = min((q.object.value for q in self._store.quads_for_pattern(node, _REPORTED, None, None)), default=None)
            day = rdf.first_day(date, reported)
            new = [rdf.first_date_line(e, day)] if day else []
            old = list(self._store.quads_for_pattern(node, rdf.FIRST_DATE, None, rdf.EVENT_DATES_GRAPH))
            if old == rdf.quads_of(new):
                continue
            deletes.extend(old)
            inserts.extend(new)
        done = f"{rnd.node} {_COMPLETE} {_TRUE} {PENDING_GRAPH} .\n"
        if deletes:
            added = _quad_text(rdf.quads_of([*inserts, done]))
            self._store.update(f"DELETE DATA {{ {_quad_text(deletes)} }} ; INSERT DATA {{ {added} }}")
        else:  # Store.load is one transaction too
            self._store.load(input="".join([*inserts, done]).encode(), format=RdfFormat.N_QUADS)
        # The round is in (and the only one marked): the marks have done their work, and go.
        self._store.update(f"DROP SILENT GRAPH {PENDING_GRAPH}")  # one transaction: the marks never outlive the completion
        self._unflushed += len(inserts) + len(deletes) + len(rnd.graphs)
        self._maybe_flush()

    def _finish_interrupted_write(self) -> int:
        """Drop the article graphs of rounds a write left marked but not complete (a crash or kill
        mid-write), with all marks and the first dates of events no article reports any more (those
        a round brings with it), in one transaction: the store is as if those articles were never
        written (bar entity quads, harmless and written again). Returns how many were dropped."""
        complete = {q.subject for q in self._store.quads_for_pattern(None, _COMPLETE, None, PENDING_GRAPH)}
        marks = self._store.quads_for_pattern(None, _PENDING, None, PENDING_GRAPH)
        graphs = [q.subject for q in marks if q.object not in complete]
        orphans = (
            f"DELETE {{ GRAPH {rdf.EVENT_DATES_GRAPH} {{ ?e {rdf.FIRST_DATE} ?d }} }} WHERE {{ GRAPH {rdf.EVENT_DATES_GRAPH} "
            f"{{ ?e {rdf.FIRST_DATE} ?d }} FILTER NOT EXISTS {{ GRAPH ?g {{ ?e {_EVENT_TYPE} ?t }} }} }}"
        )
        drops = [f"DROP SILENT GRAPH {g}" for g in graphs]
        self._store.update(" ;\n".join([*drops, *([orphans] if graphs else []), f"DROP SILENT GRAPH {PENDING_GRAPH}"]))
        self._store.flush()
        return len(graphs)

    def _maybe_flush(self) -> None:
        if self._unflushed >= self.flush_quads:
            self._store.flush()
            self._unflushed = 0

    def _replace_stored(self, batch: list[tuple[NamedNode, list[Quad], list[Entity]]]) -> None:
        """Articles already in the store (or new), in one transaction: each is compared with what is there:
        unchanged, it costs nothing (re-ingesting is cheap); changed, only the difference is
        written, as DELETE DATA + INSERT DATA in one SPARQL update. The quads of entities already
        written by this store object are not sent again (they never go away). Each event's gk:firstDate is
        derived in the same transaction: in Python for events no other article reports (their
        dates are all in the batch), by a SPARQL update for the others.
        """
        inserts: list[Quad] = []
        deletes: list[Quad] = []
        touched: set[NamedNode] = set()
        for graph, own, entities in batch:
            if self._store.contains_named_graph(graph):
                old = set(self._store.quads_for_pattern(None, None, None, graph))
                new = set(own)
                deletes.extend(old - new)
                inserts.extend(q for q in own if q not in old)
                touched.update(q.subject for q in old ^ new if q.predicate in _DATING)
            else:
                inserts.extend(own)
            for ent in entities:
                if ent not in self._entities_written:
                    inserts.extend(rdf.entity_quads(ent))
                    self._entities_written.add(ent)
                    self._pending_entities.append(ent)
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
            self._entities_written.difference_update(self._pending_entities)
            self._pending_entities.clear()
            raise
        self._pending_entities.clear()
        self._unflushed += len(inserts) + len(deletes)
        self._maybe_flush()

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
            serialize(triples, output, fmt, prefixes=_prefixes())
        else:
            self._store.dump(output, fmt, prefixes=_prefixes())

    def optimize(self) -> None:
        """Compact the store's files (pyoxigraph Store.optimize). Bulk loads leave overlapping files
        in every index, which each read has to look into, and superseded data on disk; compacting
        merges them. Minutes on a large store; readers may use it meanwhile."""
        if self._read_only:
            raise StoreError(f"store {self.location}: opened read-only, cannot optimize it")
        self._join_loader()
        self._store.flush()
        self._store.optimize()

    def close(self) -> None:
        if not self._read_only:
            self._join_loader()
            if self._bulk_written >= self.optimize_after_quads:
                self.optimize()
            else:
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
