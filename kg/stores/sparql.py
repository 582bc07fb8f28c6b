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

    if not bindings:
        return query
    # One pass over the query text: a value is never scanned again, so a value that contains
    # "?other" cannot pull another parameter's value into its literal.
    names = "|".join(re.escape(n) for n in sorted(bindings, key=len, reverse=True))
    terms = {name: str(term) for name, term in bindings.items()}
    return re.sub(rf"[?$]({names})\b", lambda m: terms[m.group(1)], query)


def _first_date_text(values: str) -> str:
    """DELETE/INSERT of gk:firstDate for the events `values` selects (a VALUES ?e block, or
    nothing for every event), from what the article graphs say of them now."""
    g, first, p = rdf.EVENT_DATES_GRAPH, rdf.FIRST_DATE, rdf.P
    return (
        f"DELETE {{ GRAPH {g} {{ ?e {first} ?old }} }} WHERE {{ {values} GRAPH {g} {{ ?e {first} ?old }} }} ;\n"
        f"INSERT {{ GRAPH {g} {{ ?e {first} ?d }} }} WHERE {{\n"
        f"  {{ SELECT ?e (COALESCE(MIN(?ed), MIN(?rd)) AS ?d) WHERE {{ {values}\n"
        f"      GRAPH ?ag {{ ?e {p.event_type} ?t OPTIONAL {{ ?e {p.date} ?ed }} OPTIONAL {{ ?e {p.reported} ?rd }} }} }}\n"
        f"    GROUP BY ?e }}\n"
        f"  FILTER(BOUND(?d)) }}"
    )


def first_date_update(events: Iterable[NamedNode]) -> str:
    """The SPARQL Update that makes these events' gk:firstDate true again (an event no article
    reports any more loses it)."""
    return _first_date_text("VALUES ?e { " + " ".join(str(e) for e in events) + " }")


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

    @abstractmethod
    def _update(self, update: str) -> None:
        """Run one SPARQL Update request (one transaction)."""

    def rebuild_first_dates(self) -> None:
        """Derive every event's gk:firstDate anew: for a store filled without this writer (a bulk
        load) or written before first dates were kept."""
        self._update(_first_date_text(""))

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
        # sparql_for writes the page (LIMIT/OFFSET) as digits: SPARQL takes no variable there.
        return self._select(bind_parameters(query.sparql_for(params), {k: to_term(v) for k, v in params.items()}))

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

    # The event properties read back, each an (id, property, value) row: one triple pattern, so
    # the union of the article graphs (which repeats a triple once per article that states it)
    # costs one copy per article, never a join of those copies (k articles: k rows, not k**13).
    _EVENT_PROPERTIES = (
        "id", "eventType", "ploverType", "ploverMode", "cameoCode", "score", "polarity", "confidence",
        "date", "datePrecision", "dateText", "reported", "attributes",
    )  # fmt: skip

    def events(self) -> Iterator[Event]:
        entities = self._entities()
        props: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for r in self._select(
            PREFIX_BLOCK
            + "SELECT DISTINCT ?e ?p ?v WHERE { VALUES ?p { "
            + " ".join(f"gk:{p}" for p in self._EVENT_PROPERTIES)
            + " } ?e ?p ?v }"
        ):
            props[r["e"]][r["p"][len(rdf.GK) :]].append(r["v"])
        roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for r in self._select(
            PREFIX_BLOCK
            + """SELECT DISTINCT ?e ?role ?who WHERE {
                   VALUES ?p { gk:actor gk:recipient gk:place gk:attributedTo }
                   ?e ?p ?w . ?w gk:id ?who . BIND(STRAFTER(STR(?p), "#") AS ?role) }"""
        ):
            roles[r["e"]][r["role"]].append(r["who"])
        mentions: dict[str, list[Mention]] = defaultdict(list)
        for r in self._select(
            PREFIX_BLOCK
            + """SELECT DISTINCT ?e ?article ?sentence ?start ?end WHERE {
                   ?e prov:wasDerivedFrom ?m . ?m gk:inArticle ?a ; gk:sentence ?sentence ;
                   gk:start ?start ; gk:end ?end . ?a gk:id ?article }"""
        ):
            mentions[r["e"]].append(Mention(r["article"], r["sentence"], r["start"], r["end"]))

        def first(values: list[Any] | None) -> Any:  # SAMPLE, made deterministic
            return min(values, key=str) if values else None

        found: list[tuple[str, str, dict[str, list[Any]]]] = []
        for key, p in props.items():
            # An event has a type, score, polarity and confidence (the inner join of the old query).
            if not all(p.get(k) for k in ("eventType", "score", "polarity", "confidence")):
                continue
            for eid in set(p.get("id", ())):
                found.append((eid, key, p))
        found.sort(key=lambda t: t[0])
        for eid, key, p in found:
            role = roles.get(key, {})

            def ents(name: str, role: dict = role) -> tuple[Entity, ...]:
                return tuple(entities[i] for i in sorted(role.get(name, ())) if i in entities)

            date, reported = p.get("date"), p.get("reported")
            attributes = first(p.get("attributes"))
            precision = first(p.get("datePrecision"))
            attribution = ents("attributedTo")
            yield Event(
                id=eid,
                type=first(p["eventType"]),
                plover_type=first(p.get("ploverType")) or "",
                plover_mode=first(p.get("ploverMode")),
                cameo=first(p.get("cameoCode")),
                score=float(first(p["score"])),
                actors=ents("actor"),
                recipients=ents("recipient"),
                places=ents("place"),
                date=dt.date.fromisoformat(min(date)) if date else None,
                date_precision=DatePrecision(precision) if precision else None,
                date_text=first(p.get("dateText")),
                reported=dt.date.fromisoformat(min(reported)) if reported else None,
                polarity=Polarity(first(p["polarity"])),
                attribution=attribution[0] if attribution else None,
                confidence=float(max(p["confidence"])),
                attributes=json.loads(attributes) if attributes else {},
                mentions=tuple(sorted(mentions.get(key, ()), key=lambda m: (m.article, m.start))),
            )
