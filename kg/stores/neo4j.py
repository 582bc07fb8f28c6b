"""Neo4j through the official driver: bolt://, neo4j:// (clusters) and neo4j+s:// (Aura).

Credentials come from NEO4J_USER / NEO4J_PASSWORD (no auth when unset), the database from
NEO4J_DATABASE (the server's default when unset). The graph model is in neo4j_schema.

Writes go in batches: each batch of articles is one transaction (retried by the driver on transient
errors) that first forgets what those of its articles already in the graph said before, then CREATEs
the events new to the graph and MERGEs the reports of events it already holds, so ingesting the same
articles twice changes nothing and a load stopped midway is completed by running it again. The
derived state-to-state relations are rebuilt after each write.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from kg.model import DatePrecision, Entity, EntityKind, Event, Extraction, Mention, Office, Polarity
from kg.queries import QueryError, SavedQuery
from kg.stores import neo4j_schema as schema
from kg.stores.base import Stats, Store, StoreError, WriteReport

# The driver's own warnings (routing, deprecations) would print beside our one-line errors; they stay
# available to applications that configure logging.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

# 500 articles (~900 GDELT events) a transaction: 37% faster than 50 on a fresh load (30,000 events:
# 569 -> 782 events/s), and 2,000 was no faster.
BATCH_ARTICLES = int(os.environ.get("KG_NEO4J_BATCH", "500"))
# Entities remembered as written (see Neo4jStore._written); forgotten all at once past this many.
ENTITY_CACHE = 500_000
# New events per CREATE_EVENTS statement (see _write_rows).
PIPELINE_ROWS = int(os.environ.get("KG_NEO4J_PIPELINE_ROWS", "250"))
RETRY_SECONDS = float(os.environ.get("KG_NEO4J_RETRY_SECONDS", "15"))


def _public(uri: str) -> str:
    """The URI as it may be shown: without any user:password@ part."""
    parts = urlsplit(uri)
    if "@" in parts.netloc:
        parts = parts._replace(netloc=parts.netloc.rsplit("@", 1)[1])
    return urlunsplit(parts)


def _plain(value: Any) -> Any:
    """Driver values as plain Python: temporal values as ISO text, nodes and relationships as maps."""
    from neo4j.graph import Node, Path, Relationship

    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Node | Relationship):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Path):
        return [_plain(n) for n in value.nodes]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if hasattr(value, "to_native"):
        return value.to_native()
    return dt.date.fromisoformat(str(value)[:10])


class Neo4jStore(Store):
    def __init__(self, driver: Any, uri: str, database: str | None = None) -> None:
        self._driver = driver
        self._uri = uri
        self._database = database
        self.location = _public(uri)
        self._schema_ready = False
        self.rebuild_on_write = True
        self._secret: str | None = None
        self._user = "neo4j"
        # The version of each entity this store last wrote (committed): a later batch naming the same
        # entity in the same version skips writing it if the graph still has it.
        self._written: dict[str, Entity] = {}

    # --- connection and errors ----------------------------------------------------------------

    @classmethod
    def connect(cls, uri: str) -> Neo4jStore:
        import neo4j

        if not urlsplit(uri).hostname:
            raise StoreError(f"Neo4j URI {_public(uri)!r} names no host (want e.g. bolt://localhost:7687)")
        # Credentials in the URI (bolt://user:pw@host) win over the environment; either way the
        # driver only ever sees the URI without them, so no driver message can echo a password.
        parts = urlsplit(uri)
        user = unquote(parts.username) if parts.username else os.environ.get("NEO4J_USER") or os.environ.get("NEO4J_USERNAME")
        password = unquote(parts.password) if parts.password else os.environ.get("NEO4J_PASSWORD")
        auth = (user or "neo4j", password) if password else None
        try:
            driver = neo4j.GraphDatabase.driver(
                _public(uri),
                auth=auth,
                max_transaction_retry_time=RETRY_SECONDS,
                connection_timeout=10.0,
                connection_acquisition_timeout=30.0,
                user_agent="geokg",
            )
        except (neo4j.exceptions.ConfigurationError, ValueError) as exc:
            raise StoreError(f"Neo4j URI {_public(uri)}: {str(exc).splitlines()[0]}") from None
        store = cls(driver, _public(uri), os.environ.get("NEO4J_DATABASE") or None)
        store._secret = password
        store._user = user or "neo4j"
        try:
            driver.verify_connectivity()
        except Exception as exc:
            driver.close()
            raise store._error(exc, "connect") from None
        return store

    def _error(self, exc: BaseException, doing: str, done: int | None = None) -> StoreError:
        error = self._describe(exc, doing, done)
        if self._secret and self._secret in str(error):
            error = StoreError(str(error).replace(self._secret, "***"))
        return error

    def _describe(self, exc: BaseException, doing: str, done: int | None = None) -> StoreError:
        import neo4j.exceptions as nx

        where = f"Neo4j at {self.location}"
        rate_limited = isinstance(exc, nx.Neo4jError) and "AuthenticationRateLimit" in (exc.code or "")
        if isinstance(exc, nx.AuthError) or rate_limited:
            if not self._secret:
                return StoreError(f"{where} needs credentials: set NEO4J_USER and NEO4J_PASSWORD")
            if rate_limited:
                return StoreError(
                    f"{where} refused user {self._user!r}: wrong credentials too many times in a row; "
                    "wait, then check NEO4J_USER / NEO4J_PASSWORD"
                )
            return StoreError(f"{where} refused the credentials of user {self._user!r} (check NEO4J_USER / NEO4J_PASSWORD)")
        if isinstance(exc, nx.ServiceUnavailable | nx.SessionExpired | nx.TransientError | nx.IncompleteCommit | OSError):
            if doing == "write":
                kept = f" after {done} article(s) were stored" if done else ""
                return StoreError(
                    f"{where} went away during the load{kept}; run the same command again when it is back "
                    "(stored articles are replaced, nothing is doubled)"
                )
            return StoreError(f"cannot reach {where} (is the server running? {type(exc).__name__})")
        if isinstance(exc, nx.Neo4jError):
            text = (exc.message or str(exc)).strip()
            message = text.splitlines()[0] if text else type(exc).__name__
            return StoreError(f"{where} rejected the {doing}: {message}")
        if isinstance(exc, nx.DriverError):
            return StoreError(f"{where}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": "))
        return StoreError(f"{where}: {type(exc).__name__}: {exc}")

    def _session(self, read: bool = False):
        import neo4j

        return self._driver.session(
            database=self._database, default_access_mode=neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        )

    def _read(self, cypher: str, params: dict[str, Any] | None = None, doing: str = "read") -> list[Any]:
        def work(tx: Any) -> list[Any]:
            return list(tx.run(cypher, params or {}))

        try:
            with self._session(read=True) as session:
                return session.execute_read(work)
        except Exception as exc:
            raise self._error(exc, doing) from None

    def _write(
        self, work: Callable[[Any], Any], doing: str = "write", done: int | None = None, passing: type[Exception] | None = None
    ) -> Any:
        """Run `work` in a retried write transaction; errors become StoreErrors except those of type `passing`."""
        try:
            with self._session() as session:
                return session.execute_write(work)
        except Exception as exc:
            if passing is not None and isinstance(exc, passing):
                raise
            raise self._error(exc, doing, done) from None

    def ensure_schema(self) -> None:
        """Uniqueness constraints and indexes, created before anything is written (idempotent)."""
        if self._schema_ready:
            return
        try:
            with self._session() as session:
                for statement in schema.SCHEMA:
                    session.run(statement).consume()
        except Exception as exc:
            raise self._error(exc, "schema") from None
        self._schema_ready = True

    # --- writing ------------------------------------------------------------------------------

    def write(self, extractions: Iterable[Extraction]) -> WriteReport:
        self.ensure_schema()
        report = WriteReport()
        batch: list[Extraction] = []
        for ex in extractions:
            batch.append(ex)
            if len(batch) >= BATCH_ARTICLES:
                self._write_batch(batch, report)
                batch = []
        if batch:
            self._write_batch(batch, report)
        if self.rebuild_on_write and report.articles:
            self.rebuild_relations()
        return report

    def _write_batch(self, extractions: list[Extraction], report: WriteReport) -> None:
        import neo4j.exceptions as nx

        rows = schema.Batch(extractions)
        written = self._written
        try:
            self._write(
                lambda tx: _write_rows(tx, rows, True, written), "write", report.articles, passing=nx.ConstraintError
            )
        except nx.ConstraintError:
            # Another writer created one of this batch's articles or events between the lookup and
            # the CREATE: the batch is rolled back and written again with MERGE only.
            self._write(lambda tx: _write_rows(tx, rows, False, written), "write", report.articles)
        # Committed: the graph holds each entity in the version this batch wrote last.
        if len(written) > ENTITY_CACHE:
            written.clear()
        for ent in rows.entity_list:
            written[ent.id] = ent
        for ex in extractions:
            report.add(ex)

    def rebuild_relations(self) -> int:
        """Replace the derived SUPPORTS / OPPOSES / ALLIED_WITH relations by those of the current events."""
        from kg.relations import derive_relations

        relations = derive_relations(self._relation_events())
        by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
        states: dict[str, Entity] = {}
        for rel in relations:
            states.setdefault(rel.source.id, rel.source)
            states.setdefault(rel.target.id, rel.target)
            props = {
                "weight": float(rel.weight),
                "events": rel.count,
                "event_ids": list(rel.event_ids),
                **({"first": rel.first} if rel.first else {}),
                **({"last": rel.last} if rel.last else {}),
            }
            by_kind[rel.kind].append({"source": rel.source.id, "target": rel.target.id, "props": props})

        def work(tx: Any) -> None:
            tx.run(schema.DROP_RELATIONS).consume()
            state_rows = [{"id": s.id, "props": schema.entity_props(s)} for s in states.values()]
            if state_rows:
                # A state known only through an office still gets a named node before it is linked.
                tx.run(schema.write_entities(EntityKind.STATE.value), rows=state_rows).consume()
            for kind, kind_rows in by_kind.items():
                tx.run(schema.write_relations(kind), rows=kind_rows).consume()

        self.ensure_schema()
        self._written.clear()  # states were written from what the graph held
        self._write(work, "relations rebuild")
        return len(relations)

    def _relation_events(self) -> Iterator[Event]:
        """The events derive_relations can count, with what it reads of them: asserted, of a type
        that can support, oppose or ally, with an actor and a recipient. The rest of the graph
        (meetings, statements; places, mentions) is not read, so a rebuild costs less than events().
        Each event comes as a list, its day (kg.relations.event_day: the date, else the reported
        date) as text, and is given that day as its date: the driver unpacks every value in Python,
        and map keys and temporal values were most of what a rebuild read (13,000 events 2.4 s)."""
        from kg.relations import relation_types

        entities = self._entities()
        for r in self._read(
            """MATCH (e:Event) WHERE e.type IN $types AND e.polarity = 'asserted'
               WITH e, [(e)-[:ACTOR]->(x:Entity) | x.id] AS actors, [(e)-[:RECIPIENT]->(x:Entity) | x.id] AS recipients
               WHERE actors <> [] AND recipients <> []
               RETURN [e.id, e.type, e.plover_type, e.plover_mode, e.score, toString(coalesce(e.date, e.reported)),
                       actors, recipients] AS e""",
            {"types": sorted(relation_types())},
            doing="relations rebuild",
        ):
            eid, etype, plover_type, plover_mode, score, day, actors, recipients = r[0]
            yield Event(
                id=eid,
                type=etype,
                plover_type=plover_type or "",
                plover_mode=plover_mode,
                score=float(score or 0.0),
                actors=tuple(entities[i] for i in dict.fromkeys(actors) if i in entities),
                recipients=tuple(entities[i] for i in dict.fromkeys(recipients) if i in entities),
                date=dt.date.fromisoformat(day[:10]) if day else None,
            )

    # --- reading ------------------------------------------------------------------------------

    def run_query(self, query: SavedQuery, params: dict[str, object]) -> list[dict[str, Any]]:
        """A saved query in a READ transaction: a saved query that tries to write fails."""
        if not query.cypher:
            raise QueryError(f"saved query {query.name} has no Cypher version (queries/{query.name}.cypher)")
        records = self._read(query.cypher, dict(params), doing=f"query {query.name}")
        # Like the SPARQL stores, a column without a value is left out of its row.
        return [{k: _plain(v) for k, v in rec.items() if v is not None} for rec in records]

    def stats(self) -> Stats:
        s = Stats()
        row = self._read(
            """CALL () { MATCH (a:Article) RETURN count(a) AS articles }
               CALL () { MATCH (e:Event) RETURN count(e) AS events }
               CALL () { MATCH (:Event)-[r:REPORTED_IN]->(:Article) WHERE r.id IS NOT NULL
                         RETURN count(DISTINCT r.id) AS mentions }
               RETURN articles, events, mentions"""
        )[0]
        s.articles, s.events, s.mentions = row["articles"], row["events"], row["mentions"]
        for r in self._read("MATCH (e:Event) RETURN e.type AS t, count(e) AS n ORDER BY t"):
            s.events_by_type[r["t"]] = r["n"]
        names: dict[str, set[str]] = defaultdict(set)
        for r in self._read(
            "MATCH (x:Entity) UNWIND [l IN labels(x) WHERE l IN $kinds] AS kind RETURN DISTINCT kind, x.name AS name",
            {"kinds": list(schema.KIND_LABELS)},
        ):
            if r["name"] is not None:
                names[r["kind"]].add(r["name"])
        s.entities = {k: sorted(v) for k, v in sorted(names.items())}
        s.entities_by_kind = {k: len(v) for k, v in s.entities.items()}
        return s

    def _entities(self) -> dict[str, Entity]:
        out: dict[str, Entity] = {}
        for r in self._read(
            """MATCH (x:Entity) WHERE any(l IN labels(x) WHERE l IN $kinds)
               OPTIONAL MATCH (x)-[h:HOLDS_OFFICE]->(s)
               WITH x, [l IN labels(x) WHERE l IN $kinds][0] AS kind,
                    collect(CASE WHEN h IS NULL THEN NULL ELSE h {.*, state: s.id} END) AS offices
               RETURN x {.*} AS x, kind, offices ORDER BY x.id""",
            {"kinds": list(schema.KIND_LABELS)},
        ):
            x = r["x"]
            offices = sorted(
                (
                    Office(
                        o["office"], o.get("title") or "", o.get("role") or "",
                        (o.get("state") or "").removeprefix("state:") or None,
                        o.get("start"), o.get("end"), o.get("organisation"),
                    )
                    for o in r["offices"]
                ),
                key=lambda o: (o.office, o.start or "", o.state or ""),
            )
            out[x["id"]] = Entity(
                id=x["id"],
                name=x.get("name") or x["id"],
                kind=EntityKind(r["kind"]),
                country=x.get("country"),
                wikidata=x.get("wikidata"),
                aliases=tuple(x.get("aliases") or ()),
                offices=tuple(offices),
                sector=x.get("sector"),
                geonames=x.get("geonames"),
                lat=x.get("lat"),
                lon=x.get("lon"),
                part_of=x.get("part_of"),
            )
        return out

    def events(self) -> Iterator[Event]:
        entities = self._entities()
        roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for r in self._read(
            """MATCH (e:Event)-[r:ACTOR|RECIPIENT|IN_PLACE|ATTRIBUTED_TO]->(x:Entity)
               RETURN DISTINCT e.id AS id, type(r) AS role, x.id AS who ORDER BY id, role, who"""
        ):
            roles[r["id"]][r["role"]].append(r["who"])
        mentions: dict[str, list[Mention]] = defaultdict(list)
        for r in self._read(
            """MATCH (e:Event)-[r:REPORTED_IN]->(a:Article) WHERE r.id IS NOT NULL
               RETURN DISTINCT e.id AS id, a.id AS article, r.sentence AS sentence, r.start AS start, r.end AS end
               ORDER BY id, article, start, end"""
        ):
            mentions[r["id"]].append(Mention(r["article"], r["sentence"], r["start"], r["end"]))
        for r in self._read("MATCH (e:Event) RETURN e {.*} AS e ORDER BY e.id"):
            e = r["e"]
            role = roles.get(e["id"], {})

            def ents(name: str, role: dict = role) -> tuple[Entity, ...]:
                return tuple(entities[i] for i in role.get(name, ()) if i in entities)

            attribution = ents("ATTRIBUTED_TO")
            yield Event(
                id=e["id"],
                type=e["type"],
                plover_type=e.get("plover_type") or "",
                plover_mode=e.get("plover_mode"),
                cameo=e.get("cameo"),
                score=float(e.get("score", 0.0)),
                actors=ents("ACTOR"),
                recipients=ents("RECIPIENT"),
                places=ents("IN_PLACE"),
                date=_date(e.get("date")),
                date_precision=DatePrecision(e["date_precision"]) if e.get("date_precision") else None,
                date_text=e.get("date_text"),
                reported=_date(e.get("reported")),
                polarity=Polarity(e.get("polarity", "asserted")),
                attribution=attribution[0] if attribution else None,
                confidence=float(e.get("confidence", 1.0)),
                attributes=json.loads(e["attributes"]) if e.get("attributes") else {},
                mentions=tuple(mentions.get(e["id"], ())),
            )

    def close(self) -> None:
        driver, self._driver = self._driver, None
        if driver is not None:
            driver.close()


def _write_rows(tx: Any, rows: schema.Batch, fast: bool, written: dict[str, Entity]) -> None:
    """One batch in one transaction. Fast: old facts are forgotten only for articles the graph already
    holds, articles and events new to it are CREATEd, and an entity is skipped when this store last
    wrote it in the same version and the graph still has it. Otherwise every article is forgotten and
    MERGEd, every event MERGEd and every entity written.

    The statements are pipelined: none is waited for before the next one is sent (the server runs
    them in order, and an error surfaces at the next statement or at the commit). The driver packs a
    statement's parameters in Python while the server still runs the one before, so the new events
    go in chunks of PIPELINE_ROWS: packing one chunk overlaps the server writing the last."""
    skip: set[Entity] = set()
    if fast:
        cached = [ent.id for ent in rows.entity_list if written.get(ent.id) == ent]
        known = tx.run(schema.KNOWN, articles=rows.article_ids, events=rows.event_ids, entities=cached).single()
        old_articles, old_events = known["articles"], set(known["events"])
        present = set(known["entities"])
        skip = {ent for ent in rows.entity_list if ent.id in present and written.get(ent.id) == ent}
    else:
        old_articles, old_events = rows.article_ids, set(rows.event_ids)
    forgotten = tx.run(schema.FORGET_ARTICLES, articles=old_articles) if old_articles else None
    old = set(old_articles)
    new_articles = [[a.get(k) for k in schema.ARTICLE_KEYS] for a in rows.articles if a["id"] not in old]
    if new_articles:
        tx.run(schema.CREATE_ARTICLES, rows=new_articles)
    if old:
        tx.run(schema.WRITE_ARTICLES, rows=[a for a in rows.articles if a["id"] in old])
    entities, links = rows.entity_rows(skip)
    for kind, entity_rows in entities.items():
        tx.run(schema.write_entities(kind), rows=entity_rows)
    if links:
        tx.run(schema.WRITE_LINKS, rows=links)
    new = rows.split(old_events)
    events = new.events
    for i in range(0, len(events), PIPELINE_ROWS):
        tx.run(schema.CREATE_EVENTS, rows=events[i : i + PIPELINE_ROWS])
    merge = new.merge
    if merge:
        tx.run(schema.MERGE_EVENTS, rows=merge)
    ids = forgotten.single()["ids"] if forgotten is not None else []
    if ids:
        tx.run(schema.DROP_ORPHANS, ids=ids)
