"""What the embedded Oxigraph store and a remote SPARQL endpoint share: the RDF mapping of the
model, the statistics, saved queries and reading events back. Subclasses only move bytes."""

from __future__ import annotations

import datetime as dt
import json
from abc import abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from kg import rdf
from kg.model import DatePrecision, Entity, EntityKind, Event, Extraction, Mention, Office, Polarity
from kg.queries import QueryError, SavedQuery
from kg.stores.base import Stats, Store, WriteReport

PREFIX_BLOCK = "".join(f"PREFIX {k}: <{v}>\n" for k, v in rdf.PREFIXES.items())
_XSD = rdf.XSD
_INTS = {_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger", "unsignedInt")}
_FLOATS = {_XSD + t for t in ("double", "float", "decimal")}


def to_python(term: Any) -> Any:
    """An RDF term as a plain value: our own IRIs as model ids, numbers as numbers, dates as ISO text."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return rdf.id_from_iri(term.value) if term.value.startswith(rdf.ID) else term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        dtype = term.datatype.value if term.datatype else ""
        if dtype in _INTS:
            return int(term.value)
        if dtype in _FLOATS:
            return float(term.value)
        if dtype == _XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    return str(term)


def to_term(value: object) -> Literal:
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=NamedNode(_XSD + "boolean"))
    if isinstance(value, int):
        return Literal(str(value), datatype=NamedNode(_XSD + "integer"))
    if isinstance(value, float):
        return Literal(repr(value), datatype=NamedNode(_XSD + "double"))
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=NamedNode(_XSD + "date"))
    return Literal(str(value))


def bind_parameters(query: str, bindings: dict[str, Literal]) -> str:
    """Put each parameter's value where the query says ?name or $name.

    The value is written as an N-Triples term by pyoxigraph, which escapes it, so a parameter
    can never become query syntax. (Oxigraph's own substitution only binds projected variables,
    and a remote endpoint has none, so both backends share this.)
    """
    import re

    for name, term in bindings.items():
        query = re.sub(rf"[?$]{re.escape(name)}\b", lambda _m, t=str(term): t, query)
    return query


class SparqlStore(Store):
    @abstractmethod
    def _select(self, query: str, bindings: dict[str, Literal] | None = None) -> list[dict[str, Any]]:
        """Run a SELECT over the union of all graphs; rows of plain Python values (see to_python)."""

    # Articles are written in batches of about this many quads; each batch is one transaction
    # (one SPARQL Update request remotely), so an article is always written whole or not at all.
    batch_quads = 20_000

    def _replace_articles(self, batch: list[tuple[NamedNode, list[Quad], list[Quad]]]) -> None:
        """Atomically, for each (article graph, own quads, shared quads): replace the graph's
        content by the own quads, and add the shared quads to the entities graph."""
        for graph, own, shared in batch:
            self._replace_article(graph, own, shared)

    def _replace_article(self, graph: NamedNode, own: list[Quad], shared: list[Quad]) -> None:
        raise NotImplementedError

    def write(self, extractions: Iterable[Extraction]) -> WriteReport:
        report = WriteReport()
        batch: dict[NamedNode, tuple[NamedNode, list[Quad], list[Quad]]] = {}  # an article twice: the last wins
        size = 0
        for ex in extractions:
            own, shared = rdf.extraction_quads(ex.article, ex.events)
            graph = rdf.article_graph(ex.article.id)
            batch[graph] = (graph, own, shared)
            size += len(own) + len(shared)
            report.add(ex)
            if size >= self.batch_quads:
                self._replace_articles(list(batch.values()))
                batch, size = {}, 0
        if batch:
            self._replace_articles(list(batch.values()))
        return report

    def run_query(self, query: SavedQuery, params: dict[str, object]) -> list[dict[str, Any]]:
        if not query.sparql:
            raise QueryError(f"saved query {query.name} has no SPARQL version (queries/{query.name}.rq)")
        return self._select(bind_parameters(query.sparql, {k: to_term(v) for k, v in params.items()}))

    def stats(self) -> Stats:
        s = Stats()
        row = self._select(
            PREFIX_BLOCK
            + """SELECT (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?e) AS ?events) (COUNT(DISTINCT ?m) AS ?mentions)
            WHERE { { ?a a gk:Article } UNION { ?e gk:eventType ?t } UNION { ?m a gk:Mention } }"""
        )[0]
        s.articles, s.events, s.mentions = (int(row.get(k) or 0) for k in ("articles", "events", "mentions"))
        by_type = "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e gk:eventType ?t } GROUP BY ?t ORDER BY ?t"
        for r in self._select(PREFIX_BLOCK + by_type):
            s.events_by_type[r["t"]] = int(r["n"])
        names: dict[str, list[str]] = defaultdict(list)
        for r in self._select(
            PREFIX_BLOCK
            + """SELECT DISTINCT ?kind ?name WHERE {
                   VALUES ?kind { gk:State gk:Person gk:Organisation gk:Place gk:ArmedGroup }
                   ?x a ?kind ; rdfs:label ?name } ORDER BY ?kind ?name"""
        ):
            names[r["kind"].rsplit("#", 1)[-1]].append(r["name"])
        s.entities = dict(names)
        s.entities_by_kind = {k: len(v) for k, v in names.items()}
        return s

    def _entities(self) -> dict[str, Entity]:
        rows = self._select(
            PREFIX_BLOCK
            + """SELECT ?x ?id ?kind ?name ?country ?wd ?sector ?geonames ?lat ?lon WHERE {
                   VALUES ?kind { gk:State gk:Person gk:Organisation gk:Place gk:ArmedGroup }
                   ?x a ?kind ; gk:id ?id ; rdfs:label ?name .
                   OPTIONAL { ?x gk:country ?c . ?c gk:iso3 ?country }
                   OPTIONAL { ?x gk:country ?c2 } BIND(COALESCE(?country, REPLACE(STR(?c2), "^.*/", "")) AS ?cc)
                   OPTIONAL { ?x owl:sameAs ?wdIri } BIND(REPLACE(STR(?wdIri), "^.*/", "") AS ?wd)
                   OPTIONAL { ?x gk:sector ?sector } OPTIONAL { ?x gk:geonamesId ?geonames }
                   OPTIONAL { ?x geo:lat ?lat ; geo:long ?lon } }"""
        )
        offices: dict[str, list[Office]] = defaultdict(list)
        for r in self._select(
            PREFIX_BLOCK
            + """SELECT ?id ?label ?title ?role ?state ?start ?end WHERE {
                   ?x gk:id ?id ; gk:holdsOffice ?o . ?o rdfs:label ?label ; gk:title ?title ; gk:role ?role .
                   OPTIONAL { ?o gk:officeOf ?s . BIND(REPLACE(STR(?s), "^.*/", "") AS ?state) }
                   OPTIONAL { ?o gk:officeStart ?start } OPTIONAL { ?o gk:officeEnd ?end } }"""
        ):
            offices[r["id"]].append(Office(r["label"], r["title"], r["role"], r.get("state"), r.get("start"), r.get("end")))
        out: dict[str, Entity] = {}
        for r in rows:
            country = r.get("country")
            if not country and r.get("cc"):
                country = r["cc"]
            out[r["id"]] = Entity(
                id=r["id"],
                name=r["name"],
                kind=EntityKind(r["kind"].rsplit("#", 1)[-1]),
                country=country or None,
                wikidata=r.get("wd") or None,
                sector=r.get("sector"),
                geonames=r.get("geonames"),
                lat=r.get("lat"),
                lon=r.get("lon"),
                offices=tuple(offices.get(r["id"], ())),
            )
        return out

    def events(self) -> Iterator[Event]:
        entities = self._entities()
        roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for r in self._select(
            PREFIX_BLOCK
            + """SELECT DISTINCT ?id ?role ?who WHERE {
                   ?e gk:id ?id . VALUES ?p { gk:actor gk:recipient gk:place gk:attributedTo }
                   ?e ?p ?w . ?w gk:id ?who . BIND(STRAFTER(STR(?p), "#") AS ?role) } ORDER BY ?id ?role ?who"""
        ):
            roles[r["id"]][r["role"]].append(r["who"])
        mentions: dict[str, list[Mention]] = defaultdict(list)
        for r in self._select(
            PREFIX_BLOCK
            + """SELECT DISTINCT ?id ?article ?sentence ?start ?end WHERE {
                   ?e gk:id ?id ; prov:wasDerivedFrom ?m . ?m gk:inArticle ?a ; gk:sentence ?sentence ;
                   gk:start ?start ; gk:end ?end . ?a gk:id ?article } ORDER BY ?id ?article ?start"""
        ):
            mentions[r["id"]].append(Mention(r["article"], r["sentence"], r["start"], r["end"]))
        for r in self._select(
            PREFIX_BLOCK
            + """SELECT ?id (SAMPLE(?t) AS ?type) (SAMPLE(?pt) AS ?plover) (SAMPLE(?pm) AS ?mode) (SAMPLE(?c) AS ?cameo)
                   (SAMPLE(?s) AS ?score) (SAMPLE(?pol) AS ?polarity) (MAX(?conf) AS ?confidence) (MIN(?d) AS ?date)
                   (SAMPLE(?dp) AS ?precision) (SAMPLE(?dtx) AS ?dateText) (MIN(?rep) AS ?reported) (SAMPLE(?attr) AS ?attributes)
                 WHERE { ?e gk:id ?id ; gk:eventType ?t ; gk:score ?s ; gk:polarity ?pol ; gk:confidence ?conf .
                   OPTIONAL { ?e gk:ploverType ?pt } OPTIONAL { ?e gk:ploverMode ?pm } OPTIONAL { ?e gk:cameoCode ?c }
                   OPTIONAL { ?e gk:date ?d } OPTIONAL { ?e gk:datePrecision ?dp } OPTIONAL { ?e gk:dateText ?dtx }
                   OPTIONAL { ?e gk:reported ?rep } OPTIONAL { ?e gk:attributes ?attr } }
                 GROUP BY ?id ORDER BY ?id"""
        ):
            eid = r["id"]
            role = roles.get(eid, {})

            def ents(name: str, role: dict = role) -> tuple[Entity, ...]:
                return tuple(entities[i] for i in role.get(name, ()) if i in entities)

            attribution = ents("attributedTo")
            yield Event(
                id=eid,
                type=r["type"],
                plover_type=r.get("plover") or "",
                plover_mode=r.get("mode"),
                cameo=r.get("cameo"),
                score=float(r["score"]),
                actors=ents("actor"),
                recipients=ents("recipient"),
                places=ents("place"),
                date=dt.date.fromisoformat(r["date"]) if r.get("date") else None,
                date_precision=DatePrecision(r["precision"]) if r.get("precision") else None,
                date_text=r.get("dateText"),
                reported=dt.date.fromisoformat(r["reported"]) if r.get("reported") else None,
                polarity=Polarity(r["polarity"]),
                attribution=attribution[0] if attribution else None,
                confidence=float(r["confidence"]),
                attributes=json.loads(r["attributes"]) if r.get("attributes") else {},
                mentions=tuple(mentions.get(eid, ())),
            )
