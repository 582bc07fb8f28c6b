"""The model as RDF: one named graph per article, entities in a graph of their own.

Terms come from the project's ontology (ontology/geokg.ttl) aligned with SEM, PROV-O, Dublin
Core, WGS84 and Wikidata. Everything is built as pyoxigraph terms, so literals are escaped by
the library and text from articles never becomes query text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from urllib.parse import quote as _quote

from pyoxigraph import Literal, NamedNode, Quad

from kg.model import Article, Entity, EntityKind, Event, Mention
from kg.states import state_entity

BASE = "https://w3id.org/geokg/"
GK = BASE + "ontology#"
ID = BASE + "id/"
GRAPH = BASE + "graph/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
WD = "http://www.wikidata.org/entity/"

PREFIXES = {
    "gk": GK,
    "gkid": ID,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "sem": SEM,
    "prov": PROV,
    "dct": DCT,
    "geo": GEO,
    "wd": WD,
}

ENTITIES_GRAPH = NamedNode(GRAPH + "entities")
RELATIONS_GRAPH = NamedNode(GRAPH + "relations")
# One gk:firstDate per event, derived from every article that reports it (the earliest date, else
# the earliest report), kept by the stores as articles come and go: queries read one triple per
# event instead of aggregating over every article graph that repeats the event.
EVENT_DATES_GRAPH = NamedNode(GRAPH + "event-dates")

_A = NamedNode(RDF + "type")
_LABEL = NamedNode(RDFS + "label")
_XSD_DATE = NamedNode(XSD + "date")
_XSD_INT = NamedNode(XSD + "integer")
_XSD_DOUBLE = NamedNode(XSD + "double")
_XSD_BOOL = NamedNode(XSD + "boolean")


# Ids are mostly plain ASCII words; urllib's quote costs more than building the quad itself.
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*")


def quote(text: str, safe: str = "") -> str:
    """urllib.parse.quote(text, safe=""), without its cost when nothing needs escaping."""
    return text if _UNRESERVED.fullmatch(text) else _quote(text, safe=safe)


@cache
def gk(term: str) -> NamedNode:
    return NamedNode(GK + term)


# Writing a million events builds the same entity and type terms millions of times over.
@lru_cache(maxsize=1 << 16)
def iri_for(identifier: str) -> NamedNode:
    """gkid:state/PRK for 'state:PRK': ids are kind:key, and the key is percent-encoded."""
    kind, _, key = identifier.partition(":")
    if not key:
        return NamedNode(ID + quote(kind, safe=""))
    return NamedNode(f"{ID}{quote(kind, safe='')}/{quote(key, safe='')}")


def id_from_iri(iri: str) -> str:
    from urllib.parse import unquote

    tail = iri[len(ID) :] if iri.startswith(ID) else iri
    kind, _, key = tail.partition("/")
    return f"{unquote(kind)}:{unquote(key)}" if key else unquote(kind)


def article_iri(article_id: str) -> NamedNode:
    return NamedNode(f"{ID}article/{quote(article_id, safe='')}")


def article_graph(article_id: str) -> NamedNode:
    return NamedNode(f"{GRAPH}article/{quote(article_id, safe='')}")


def event_iri(event_id: str) -> NamedNode:
    return NamedNode(f"{ID}event/{quote(event_id, safe='')}")


def mention_iri(mention: Mention) -> NamedNode:
    return NamedNode(f"{ID}mention/{quote(mention.id, safe='')}")


def plover_concept(plover_type: str, mode: str | None = None) -> NamedNode:
    """The SKOS concept of a PLOVER type (gk:plover-AID) or of one of its modes (gk:plover-AID-military)."""
    return NamedNode(f"{GK}plover-{quote(plover_type, safe='')}" + (f"-{quote(mode, safe='')}" if mode else ""))


def _lit(value: str) -> Literal:
    return Literal(value)


@lru_cache(maxsize=1 << 14)
def _date(value) -> Literal:
    return Literal(value.isoformat(), datatype=_XSD_DATE)


def _int(value: int) -> Literal:
    return Literal(str(int(value)), datatype=_XSD_INT)


@lru_cache(maxsize=1 << 12)
def _double(value: float) -> Literal:
    return Literal(repr(float(value)), datatype=_XSD_DOUBLE)


@lru_cache(maxsize=1 << 15)
def _shared_entity_quads(entity: Entity) -> tuple[Quad, ...]:
    """An entity's quads in the entities graph: every article naming it repeats them."""
    return tuple(entity_quads(entity))


def entity_quads(entity: Entity, graph: NamedNode = ENTITIES_GRAPH) -> Iterator[Quad]:
    s = iri_for(entity.id)
    yield Quad(s, _A, gk(entity.kind.value), graph)
    yield Quad(s, _LABEL, _lit(entity.name), graph)
    yield Quad(s, gk("id"), _lit(entity.id), graph)
    if entity.wikidata:
        yield Quad(s, NamedNode(OWL + "sameAs"), NamedNode(WD + entity.wikidata), graph)
    if entity.country:
        yield Quad(s, gk("country"), iri_for(f"state:{entity.country}"), graph)
        if entity.kind is EntityKind.STATE:
            yield Quad(s, gk("iso3"), _lit(entity.country), graph)
    if entity.sector:
        yield Quad(s, gk("sector"), _lit(entity.sector), graph)
    if entity.geonames is not None:
        yield Quad(s, gk("geonamesId"), _int(entity.geonames), graph)
    if entity.lat is not None and entity.lon is not None:
        yield Quad(s, NamedNode(GEO + "lat"), _double(entity.lat), graph)
        yield Quad(s, NamedNode(GEO + "long"), _double(entity.lon), graph)
    if entity.part_of:
        yield Quad(s, gk("partOf"), iri_for(entity.part_of), graph)
    for alias in entity.aliases:
        yield Quad(s, gk("alias"), _lit(alias), graph)
    for office in entity.offices:
        node = NamedNode(f"{s.value}/office/{quote(office.office, safe='')}/{office.start or 'unknown'}")
        yield Quad(s, gk("holdsOffice"), node, graph)
        yield Quad(node, _A, gk("OfficeTerm"), graph)
        yield Quad(node, _LABEL, _lit(office.office), graph)
        yield Quad(node, gk("title"), _lit(office.title), graph)
        yield Quad(node, gk("role"), _lit(office.role), graph)
        if office.state:
            yield Quad(node, gk("officeOf"), iri_for(f"state:{office.state}"), graph)
        if office.start:
            yield Quad(node, gk("officeStart"), Literal(office.start, datatype=_XSD_DATE), graph)
        if office.end:
            yield Quad(node, gk("officeEnd"), Literal(office.end, datatype=_XSD_DATE), graph)


def article_quads(article: Article) -> Iterator[Quad]:
    g = article_graph(article.id)
    s = article_iri(article.id)
    yield Quad(s, _A, gk("Article"), g)
    yield Quad(s, gk("id"), _lit(article.id), g)
    if article.title:
        yield Quad(s, NamedNode(DCT + "title"), _lit(article.title), g)
    if article.url:
        yield Quad(s, NamedNode(DCT + "source"), _lit(article.url), g)
    if article.published:
        yield Quad(s, NamedNode(DCT + "issued"), _date(article.published), g)
    if article.source:
        yield Quad(s, NamedNode(DCT + "publisher"), _lit(article.source), g)


class P:
    """Predicates of event and mention quads, built once (event_quads runs per event per article);
    the stores use them too."""

    id = gk("id")
    event_type = gk("eventType")
    plover_type = gk("ploverType")
    plover = gk("plover")
    plover_mode = gk("ploverMode")
    cameo = gk("cameoCode")
    score = gk("score")
    polarity = gk("polarity")
    confidence = gk("confidence")
    actor = gk("actor")
    recipient = gk("recipient")
    place = gk("place")
    date = gk("date")
    date_precision = gk("datePrecision")
    date_text = gk("dateText")
    reported = gk("reported")
    attributed_to = gk("attributedTo")
    attributes = gk("attributes")
    derived_from = NamedNode(PROV + "wasDerivedFrom")
    mention = gk("Mention")
    in_article = gk("inArticle")
    sentence = gk("sentence")
    start = gk("start")
    end = gk("end")


_TRUE = Literal("true", datatype=_XSD_BOOL)
_FALSE = Literal("false", datatype=_XSD_BOOL)


def event_quads(event: Event, article_id: str, mentions_done: set[NamedNode] | None = None) -> Iterator[Quad]:
    """The event as reported by one article: what that article says, in that article's graph.
    A mention already described for another event of the article (its node in `mentions_done`)
    is only linked, not described again (GDELT gives every event of an article the same one)."""
    g = article_graph(article_id)
    s = event_iri(event.id)
    yield Quad(s, _A, gk(event.type), g)
    yield Quad(s, P.id, _lit(event.id), g)
    yield Quad(s, P.event_type, _lit(event.type), g)
    if event.plover_type:
        yield Quad(s, P.plover_type, _lit(event.plover_type), g)
        yield Quad(s, P.plover, plover_concept(event.plover_type, event.plover_mode), g)
    if event.plover_mode:
        yield Quad(s, P.plover_mode, _lit(event.plover_mode), g)
    if event.cameo:
        yield Quad(s, P.cameo, _lit(event.cameo), g)
    yield Quad(s, P.score, _double(event.score), g)
    yield Quad(s, P.polarity, _lit(event.polarity.value), g)
    yield Quad(s, P.confidence, _double(event.confidence), g)
    for a in event.actors:
        yield Quad(s, P.actor, iri_for(a.id), g)
    for r in event.recipients:
        yield Quad(s, P.recipient, iri_for(r.id), g)
    for p in event.places:
        yield Quad(s, P.place, iri_for(p.id), g)
    if event.date:
        yield Quad(s, P.date, _date(event.date), g)
    if event.date_precision:
        yield Quad(s, P.date_precision, _lit(event.date_precision.value), g)
    if event.date_text:
        yield Quad(s, P.date_text, _lit(event.date_text), g)
    if event.reported:
        yield Quad(s, P.reported, _date(event.reported), g)
    if event.attribution:
        yield Quad(s, P.attributed_to, iri_for(event.attribution.id), g)
    if event.attributes:
        yield Quad(s, P.attributes, _lit(json.dumps(event.attributes, sort_keys=True, ensure_ascii=False)), g)
        for key, value in event.attributes.items():
            if not key.isidentifier():
                continue
            if isinstance(value, bool):
                yield Quad(s, gk(key), _TRUE if value else _FALSE, g)
            elif isinstance(value, int):
                yield Quad(s, gk(key), _int(value), g)
    for m in event.mentions:
        if m.article != article_id:
            continue
        node = mention_iri(m)
        yield Quad(s, P.derived_from, node, g)
        if mentions_done is not None:
            if node in mentions_done:
                continue
            mentions_done.add(node)
        yield Quad(node, _A, P.mention, g)
        yield Quad(node, P.in_article, article_iri(m.article), g)
        yield Quad(node, P.sentence, _lit(m.sentence), g)
        yield Quad(node, P.start, _int(m.start), g)
        yield Quad(node, P.end, _int(m.end), g)


FIRST_DATE = gk("firstDate")


def first_date_quads(quads: Iterable[Quad]) -> list[Quad]:
    """gk:firstDate of every event these quads describe, as if they were all the store held."""
    dates: dict[NamedNode, str] = {}
    reported: dict[NamedNode, str] = {}
    events: list[NamedNode] = []
    for q in quads:
        p = q.predicate
        if p == P.event_type:
            events.append(q.subject)
        elif p == P.date or p == P.reported:
            seen = dates if p == P.date else reported
            value = q.object.value  # xsd:date lexical forms (YYYY-MM-DD) sort as the days do
            if q.subject not in seen or value < seen[q.subject]:
                seen[q.subject] = value
    out: dict[NamedNode, Quad] = {}
    for e in events:
        day = dates.get(e) or reported.get(e)
        if day and e not in out:
            out[e] = Quad(e, FIRST_DATE, Literal(day, datatype=_XSD_DATE), EVENT_DATES_GRAPH)
    return list(out.values())


def extraction_quads(article: Article, events: Iterable[Event]) -> tuple[list[Quad], list[Quad]]:
    """(quads of the article's own graph, quads of the shared entities graph)."""
    own = list(article_quads(article))
    entities: dict[str, Entity] = {}
    mentions: set[NamedNode] = set()
    for ev in events:
        own.extend(event_quads(ev, article.id, mentions))
        for ent in (*ev.actors, *ev.recipients, *ev.places, *([ev.attribution] if ev.attribution else [])):
            entities.setdefault(ent.id, ent)
    for ent in list(entities.values()):
        if ent.country and f"state:{ent.country}" not in entities:
            entities[f"state:{ent.country}"] = state_entity(ent.country)
    shared = [q for ent in entities.values() for q in _shared_entity_quads(ent)]
    return own, shared
