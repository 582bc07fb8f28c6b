"""The Neo4j graph model: schema, the rows written from the model, and the Cypher that writes them.

Nodes
    (:Article {id, title, url, published, source, language})
    (:Entity:State|Person|Organisation|Place|ArmedGroup {id, name, country, iso3 (states), wikidata,
        sector, geonames, lat, lon, aliases, part_of})
    (:Event:<Type> {id, type, plover_type, plover_mode, cameo, score, polarity, confidence, date,
        date_precision, date_text, reported, attributes (JSON text), <integer and boolean attributes>})
Relationships
    (:Event)-[:ACTOR|RECIPIENT]->(:Entity)
    (:Event)-[:IN_PLACE|ATTRIBUTED_TO {articles}]->(:Entity)     which articles say so
    (:Event)-[:REPORTED_IN {id, sentence, start, end}]->(:Article)  one per mention; an event an
        article reports without a located sentence has one REPORTED_IN without id
    (:Person)-[:HOLDS_OFFICE {office, title, role, start, end, organisation}]->(:State)
    (:Entity)-[:PART_OF]->(:Entity)                               country and part_of of a non-person
    (:State)-[:SUPPORTS|OPPOSES|ALLIED_WITH {weight, events, first, last, event_ids}]->(:State)
        derived by kg.relations (ALLIED_WITH is stored once, from the state with the smaller id)

Labels and relationship types come from the model's enums and the taxonomy's type names, never from
article text, and are checked against NAME_RE before they are written into a statement.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from kg.model import Article, Entity, EntityKind, Event, Extraction
from kg.states import state_entity

NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
KIND_LABELS = tuple(k.value for k in EntityKind)
DERIVED_TYPES = ("SUPPORTS", "OPPOSES", "ALLIED_WITH")

SCHEMA = [
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE",
    *(f"CREATE CONSTRAINT {k.lower()}_id IF NOT EXISTS FOR (n:{k}) REQUIRE n.id IS UNIQUE" for k in KIND_LABELS),
    "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
    "CREATE INDEX state_iso3 IF NOT EXISTS FOR (n:State) ON (n.iso3)",
    "CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)",
    "CREATE INDEX event_plover IF NOT EXISTS FOR (n:Event) ON (n.plover_type, n.plover_mode)",
    "CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)",
    # the saved queries page newest first: an undated event counts by the date it was reported
    "CREATE INDEX event_reported IF NOT EXISTS FOR (n:Event) ON (n.reported)",
    # ... and the rare types (deployments) are walked newest first in their own (type, date) order
    "CREATE INDEX event_type_date IF NOT EXISTS FOR (n:Event) ON (n.type, n.date)",
    "CREATE INDEX mention_id IF NOT EXISTS FOR ()-[r:REPORTED_IN]-() ON (r.id)",
]

# Event properties kept from the first report when another article reports the same event.
FIRST_WINS = ("type", "plover_type", "plover_mode", "cameo", "score", "polarity", "date_precision", "date_text", "attributes")
RESERVED = frozenset(("id", *FIRST_WINS, "confidence", "date", "reported", "articles"))


def label(name: str) -> str:
    if not NAME_RE.match(name):
        raise ValueError(f"{name!r} cannot be a Neo4j label")
    return f"`{name}`"


# --- statements ----------------------------------------------------------------------------------

# Every statement below keeps the plan it was first given. The graph grows fast during a load, so
# Neo4j would otherwise throw the cached plans away as its statistics drift and re-plan them over
# and over (measured: re-planning took most of a fresh load's time). Each one starts from a unique-
# constraint seek on an id, the best plan at any size, so the first plan stays the right one.
KEEP_PLAN = "CYPHER replan=skip\n"

FORGET_ARTICLES = KEEP_PLAN + """
UNWIND $articles AS aid
MATCH (:Article {id: aid})<-[r:REPORTED_IN]-(e:Event)
DELETE r
WITH DISTINCT aid, e
OPTIONAL MATCH (e)-[p:IN_PLACE|ATTRIBUTED_TO]->()
WHERE aid IN p.articles
SET p.articles = [x IN p.articles WHERE x <> aid]
WITH DISTINCT e
RETURN collect(e.id) AS ids
"""

DROP_ORPHANS = KEEP_PLAN + """
UNWIND $ids AS id
MATCH (e:Event {id: id})
OPTIONAL MATCH (e)-[p:IN_PLACE|ATTRIBUTED_TO]->() WHERE size(p.articles) = 0
DELETE p
WITH DISTINCT e
WHERE NOT (e)-[:REPORTED_IN]->()
DETACH DELETE e
"""

WRITE_ARTICLES = KEEP_PLAN + """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a = row
"""


def write_entities(kind: str) -> str:
    return KEEP_PLAN + f"""
UNWIND $rows AS row
MERGE (n:Entity {{id: row.id}})
SET n:{label(kind)}, n += row.props
"""


WRITE_LINKS = KEEP_PLAN + """
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
FOREACH (target IN row.part_of |
  MERGE (t:Entity {id: target})
  MERGE (n)-[:PART_OF]->(t))
FOREACH (o IN row.offices |
  MERGE (s:Entity {id: o.state})
  MERGE (n)-[h:HOLDS_OFFICE {office: o.office, start: o.start_key}]->(s)
  SET h.title = o.title, h.role = o.role, h.start = o.start, h.end = o.end, h.organisation = o.organisation)
"""

_SET_FIRST = ", ".join(f"e.{k} = coalesce(e.{k}, row.props.{k})" for k in FIRST_WINS)


# The ids of a batch that the graph already holds: only those articles have old facts to forget
# and only those events need MERGE; everything else is written with CREATE. Entities: only those
# this store wrote before, in the same version (the rest is written anyway), so that an entity
# that went from the graph since is written again.
KNOWN = (
    KEEP_PLAN
    + """
CALL () { UNWIND $articles AS aid MATCH (a:Article {id: aid}) RETURN collect(aid) AS articles }
CALL () { UNWIND $events AS eid MATCH (e:Event {id: eid}) RETURN collect(eid) AS events }
CALL () { UNWIND $entities AS nid MATCH (n:Entity {id: nid}) RETURN collect(nid) AS entities }
RETURN articles, events, entities
"""
)

# Events new to the graph, one row per event with every report of the batch already folded in
# (Batch.split): the node, its roles and its REPORTED_IN relationships in one statement, all plain
# CREATEs (like a hand-written bulk load). The type labels come from the row; Batch has checked them.
# Rows are positional lists (_NewEvent.row), not maps: the driver packs parameters in Python, value
# by value, and the keys repeated in every map of every row were about a third of what it packed
# (measured: a 1,000-event batch 0.34 -> 0.25 s). A property whose value is null is not set, as
# `SET e = map` leaves it.
EVENT_KEYS = ("id", *FIRST_WINS, "confidence", "date", "reported")
_SET_EVENT = ", ".join(f"e.{k} = row[0][{i}]" for i, k in enumerate(EVENT_KEYS))
CREATE_EVENTS = (
    KEEP_PLAN
    + f"""
UNWIND $rows AS row
CREATE (e:Event)
SET {_SET_EVENT}, e += row[1], e:$(row[2])
WITH e, row
CALL (e, row) {{
  UNWIND range(0, size(row[3]) - 1) AS i
  MATCH (n:Entity {{id: row[3][i]}})
  CREATE (e)-[r:$(row[4][i])]->(n)
  SET r.articles = row[5][i]
}}
CALL (e, row) {{
  UNWIND row[6] AS m
  MATCH (a:Article {{id: m[0]}})
  CREATE (e)-[r:REPORTED_IN]->(a)
  SET r.id = m[1], r.sentence = m[2], r.start = m[3], r.end = m[4]
}}
"""
)

# Articles new to the graph (KNOWN found none of them): CREATE, from positional rows as for
# CREATE_EVENTS; the others go through WRITE_ARTICLES.
ARTICLE_KEYS = ("id", "title", "url", "published", "source", "language")
CREATE_ARTICLES = KEEP_PLAN + f"""
UNWIND $rows AS row
CREATE (a:Article)
SET {", ".join(f"a.{k} = row[{i}]" for i, k in enumerate(ARTICLE_KEYS))}
"""

# The reports of an event the graph already holds (before the batch), folded into one row per event
# as for CREATE_EVENTS: the event's first-reported properties win, its date is the earliest, the
# roles are MERGEd and each article's mentions added (a bare REPORTED_IN when the article's first
# report in the batch had no located sentence and the article had none for the event). The REPORTED_IN of a mention is
# found among the event's relationships to the article (Expand(Into)), not by a MERGE on its id:
# a plan kept from a small graph would find it through the mention_id index and scan that whole
# index for every row (measured: 110 rows took 2 s after 2,000 events and 29 s after 14,000).
MERGE_EVENTS = (
    KEEP_PLAN
    + f"""
UNWIND $rows AS row
MERGE (e:Event {{id: row.id}})
ON CREATE SET e += row.props
ON MATCH SET {_SET_FIRST},
  e.confidence = CASE WHEN row.props.confidence > e.confidence THEN row.props.confidence ELSE e.confidence END,
  e.date = CASE WHEN e.date IS NULL OR row.props.date < e.date THEN coalesce(row.props.date, e.date) ELSE e.date END,
  e.reported = CASE WHEN e.reported IS NULL OR row.props.reported < e.reported
                    THEN coalesce(row.props.reported, e.reported) ELSE e.reported END
SET e:$(row.labels)
WITH e, row
FOREACH (x IN row.actors | MERGE (n:Entity {{id: x}}) MERGE (e)-[:ACTOR]->(n))
FOREACH (x IN row.recipients | MERGE (n:Entity {{id: x}}) MERGE (e)-[:RECIPIENT]->(n))
FOREACH (x IN row.places | MERGE (n:Entity {{id: x.entity}}) MERGE (e)-[r:IN_PLACE]->(n)
  SET r.articles = coalesce(r.articles, []) + [a IN x.articles WHERE NOT a IN coalesce(r.articles, [])])
FOREACH (x IN row.attribution | MERGE (n:Entity {{id: x.entity}}) MERGE (e)-[r:ATTRIBUTED_TO]->(n)
  SET r.articles = coalesce(r.articles, []) + [a IN x.articles WHERE NOT a IN coalesce(r.articles, [])])
WITH e, row
CALL (e, row) {{
  UNWIND row.reports AS rep
  MATCH (a:Article {{id: rep.article}})
  WITH e, a, rep, [(e)-[r:REPORTED_IN]->(a) | r] AS had
  FOREACH (m IN rep.mentions |
    FOREACH (r IN [x IN had WHERE x.id = m.id] | SET r = m)
    FOREACH (_ IN CASE WHEN any(x IN had WHERE x.id = m.id) THEN [] ELSE [1] END | CREATE (e)-[r:REPORTED_IN]->(a) SET r = m))
  FOREACH (_ IN CASE WHEN rep.bare AND size(had) = 0 THEN [1] ELSE [] END | CREATE (e)-[:REPORTED_IN]->(a))
}}
"""
)


DROP_RELATIONS = "MATCH (:State)-[r:SUPPORTS|OPPOSES|ALLIED_WITH]->(:State) DELETE r"


def write_relations(kind: str) -> str:
    if kind not in DERIVED_TYPES:
        raise ValueError(kind)
    return f"""
UNWIND $rows AS row
MATCH (s:Entity {{id: row.source}}), (t:Entity {{id: row.target}})
CREATE (s)-[r:{kind}]->(t)
SET r = row.props
"""


# --- rows: the model as plain maps ---------------------------------------------------------------


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None and v != [] and v != ()}


def article_row(article: Article) -> dict[str, Any]:
    return _clean(
        {
            "id": article.id,
            "title": article.title,
            "url": article.url,
            "published": article.published,
            "source": article.source,
            "language": article.language,
        }
    )


def entity_props(ent: Entity) -> dict[str, Any]:
    return _clean(
        {
            "name": ent.name,
            "kind": ent.kind.value,
            "country": ent.country,
            "iso3": ent.country if ent.kind is EntityKind.STATE else None,
            "wikidata": ent.wikidata,
            "sector": ent.sector,
            "geonames": ent.geonames,
            "lat": ent.lat,
            "lon": ent.lon,
            "aliases": list(ent.aliases),
            "part_of": ent.part_of,
        }
    )


def entity_links(ent: Entity) -> dict[str, Any] | None:
    part_of = []
    if ent.kind not in (EntityKind.STATE, EntityKind.PERSON) and ent.country:
        part_of.append(f"state:{ent.country}")
    if ent.part_of and ent.part_of not in part_of and ent.part_of != ent.id:
        part_of.append(ent.part_of)
    offices = [
        {
            "office": o.office,
            "title": o.title,
            "role": o.role,
            "state": f"state:{o.state}",
            "start": o.start,
            "start_key": o.start or "",
            "end": o.end,
            "organisation": o.organisation,
        }
        for o in ent.offices
        if o.state
    ]
    if not part_of and not offices:
        return None
    return {"id": ent.id, "part_of": part_of, "offices": offices}


def event_row(ev: Event, article_id: str) -> dict[str, Any]:
    props = _clean(
        {
            "id": ev.id,
            "type": ev.type,
            "plover_type": ev.plover_type or None,
            "plover_mode": ev.plover_mode,
            "cameo": ev.cameo,
            "score": float(ev.score),
            "polarity": ev.polarity.value,
            "confidence": float(ev.confidence),
            "date": ev.date,
            "date_precision": ev.date_precision.value if ev.date_precision else None,
            "date_text": ev.date_text,
            "reported": ev.reported,
            "attributes": json.dumps(ev.attributes, sort_keys=True, ensure_ascii=False) if ev.attributes else None,
        }
    )
    attrs = {
        k: v
        for k, v in ev.attributes.items()
        if k.isidentifier() and k not in RESERVED and isinstance(v, bool | int)
    }
    return {
        "id": ev.id,
        "article": article_id,
        "props": props,
        "attrs": attrs,
        "actors": [a.id for a in ev.actors],
        "recipients": [r.id for r in ev.recipients],
        "places": [p.id for p in ev.places],
        "attribution": [ev.attribution.id] if ev.attribution else [],
        # The same mention twice: one, with the last values (as MERGE + SET leaves it).
        "mentions": list(
            {
                mid: {"id": mid, "sentence": m.sentence, "start": m.start, "end": m.end}
                for m in ev.mentions
                if m.article == article_id
                for mid in (m.id,)  # a hash: computed once
            }.values()
        ),
    }


class Batch:
    """The rows of a batch of extractions, grouped the way the statements take them."""

    def __init__(self, extractions: list[Extraction]) -> None:
        # The same article twice in a batch: one row, the last one (as MERGE + SET a = row leaves it).
        articles = {ex.article.id: article_row(ex.article) for ex in extractions}
        self.article_ids = list(articles)
        self.articles = list(articles.values())
        # Keyed by the whole entity: two articles that see one id differently (another kind, say)
        # both leave their mark, as they do in the RDF stores.
        entities: dict[Entity, None] = {}
        # One row per (event, article) report, in article order: the first report of an event wins.
        self.events: list[dict[str, Any]] = []
        for ex in extractions:
            for ent in ex.entities.values():
                entities[ent] = None
            for ev in ex.events:
                label(ev.type)
                self.events.append(event_row(ev, ex.article.id))
        self.event_ids = list(dict.fromkeys(row["id"] for row in self.events))
        # Like the RDF mapping: every entity's country is a State node of its own.
        known = {ent.id for ent in entities}
        for ent in list(entities):
            if ent.country and f"state:{ent.country}" not in known:
                known.add(f"state:{ent.country}")
                entities[state_entity(ent.country)] = None
        # In write order; an id seen in two versions is written twice, the later version last.
        self.entity_list = list(entities)

    def entity_rows(self, skip: set[Entity]) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
        """Rows of the entities to write (all but `skip`), by kind, and their PART_OF/HOLDS_OFFICE links."""
        by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
        links: list[dict[str, Any]] = []
        for ent in self.entity_list:
            if ent in skip:
                continue
            by_kind[ent.kind.value].append({"id": ent.id, "props": entity_props(ent)})
            row = entity_links(ent)
            if row:
                links.append(row)
        return by_kind, links

    def split(self, known_events: set[str]) -> NewRows:
        """The reports of events the graph lacks, folded into one CREATE row per event, and the
        reports of events it holds, left as rows for MERGE_EVENTS."""
        new = NewRows()
        for row in self.events:
            new.add(row, row["id"] in known_events)
        return new


_ROLE_KEYS = (("ACTOR", "actors"), ("RECIPIENT", "recipients"), ("IN_PLACE", "places"), ("ATTRIBUTED_TO", "attribution"))
_ROLE_NAMES = dict(_ROLE_KEYS)
# Which articles say so: kept on these roles so that forgetting an article can withdraw its claim.
_SOURCED_ROLES = frozenset(("IN_PLACE", "ATTRIBUTED_TO"))
_EVENT_KEY_SET = frozenset(EVENT_KEYS)


class _NewEvent:
    """An event the graph lacks, as the CREATE of its first report followed by MERGE_EVENTS of each
    later report of the batch would leave it, built in Python."""

    __slots__ = ("props", "labels", "roles", "mentions", "linked")

    def __init__(self, row: dict[str, Any]) -> None:
        self.props = {**row["attrs"], **row["props"]}
        self.labels: dict[str, None] = {}
        self.roles: dict[tuple[str, str], dict[str, Any]] = {}
        self.mentions: dict[tuple[str, str | None], dict[str, Any]] = {}
        self.linked: set[str] = set()  # articles with a REPORTED_IN already

    def fold(self, row: dict[str, Any], first: bool) -> None:
        article, q, p = row["article"], row["props"], self.props
        if not first:  # MERGE_EVENTS' ON MATCH SET; integer/boolean attributes only from the first report
            for k in FIRST_WINS:
                if p.get(k) is None and q.get(k) is not None:
                    p[k] = q[k]
            if q.get("confidence") is not None and p.get("confidence") is not None and q["confidence"] > p["confidence"]:
                p["confidence"] = q["confidence"]
            for k in ("date", "reported"):
                if q.get(k) is not None and (p.get(k) is None or q[k] < p[k]):
                    p[k] = q[k]
        self.labels[q["type"]] = None
        for role, key in _ROLE_KEYS:
            # A list may name one entity twice: one relationship, as MERGE makes.
            for entity in row[key]:
                props = self.roles.setdefault((role, entity), {"articles": []} if role in _SOURCED_ROLES else {})
                if role in _SOURCED_ROLES and article not in props["articles"]:
                    props["articles"].append(article)
        # One REPORTED_IN per mention (the same mention twice keeps the last values, as MERGE + SET
        # does); a report without a located sentence adds one without id unless the article has one.
        for m in row["mentions"]:
            self.mentions[(article, m["id"])] = m
        if not row["mentions"] and article not in self.linked:
            self.mentions[(article, None)] = {}
        self.linked.add(article)

    def merge_row(self, event_id: str) -> dict[str, Any]:
        """The row of MERGE_EVENTS: roles by type, mentions by article."""
        roles: dict[str, list[Any]] = {key: [] for _, key in _ROLE_KEYS}
        for (role, entity), props in self.roles.items():
            roles[_ROLE_NAMES[role]].append({"entity": entity, **props} if role in _SOURCED_ROLES else entity)
        reports: dict[str, dict[str, Any]] = {}
        for (article, mention), m in self.mentions.items():
            report = reports.setdefault(article, {"article": article, "mentions": [], "bare": False})
            if mention is None:
                report["bare"] = True
            else:
                report["mentions"].append(m)
        return {"id": event_id, "props": self.props, "labels": list(self.labels), **roles, "reports": list(reports.values())}

    def row(self) -> list[Any]:
        """The row of CREATE_EVENTS: [values of EVENT_KEYS, other properties (integer attributes),
        labels, role entities, role types, role articles (null for ACTOR/RECIPIENT), mentions as
        [article, id, sentence, start, end] ([article] for a bare REPORTED_IN)]."""
        p = self.props
        entities, types, articles = [], [], []
        for (role, entity), props in self.roles.items():
            entities.append(entity)
            types.append(role)
            articles.append(props.get("articles"))
        return [
            [p.get(k) for k in EVENT_KEYS],
            {k: v for k, v in p.items() if k not in _EVENT_KEY_SET},
            list(self.labels),
            entities,
            types,
            articles,
            [
                [article, m["id"], m["sentence"], m["start"], m["end"]] if m else [article]
                for (article, _), m in self.mentions.items()
            ],
        ]


class NewRows:
    """One CREATE row per event new to the graph (all its reports in the batch folded in) and the
    report rows left to MERGE."""

    def __init__(self) -> None:
        self._new: dict[str, _NewEvent] = {}
        self._known: dict[str, _NewEvent] = {}

    def add(self, row: dict[str, Any], known: bool = False) -> None:
        events = self._known if known else self._new
        event = events.get(row["id"])
        first = event is None
        if event is None:
            event = events[row["id"]] = _NewEvent(row)
        event.fold(row, first)

    @property
    def events(self) -> list[list[Any]]:
        return [event.row() for event in self._new.values()]

    @property
    def merge(self) -> list[dict[str, Any]]:
        return [event.merge_row(event_id) for event_id, event in self._known.items()]
