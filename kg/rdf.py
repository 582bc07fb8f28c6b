"""The model as RDF: one named graph per article, entities in a graph of their own.

Terms come from the project's ontology (ontology/geokg.ttl) aligned with SEM, PROV-O, Dublin
Core, WGS84 and Wikidata. Quads are made as N-Quads lines (the embedded store bulk-loads them as
they are) and read back into pyoxigraph quads for everything else: text from articles is only ever
a literal (escaped here, then parsed by pyoxigraph), never query text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from urllib.parse import quote as _quote

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

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


def _article_iri(article_id: str) -> str:
    return f"{ID}article/{quote(article_id, safe='')}"


def _article_graph(article_id: str) -> str:
    return f"{GRAPH}article/{quote(article_id, safe='')}"


def _event_iri(event_id: str) -> str:
    return f"{ID}event/{quote(event_id, safe='')}"


def _mention_iri(mention: Mention) -> str:
    return f"{ID}mention/{quote(mention.id, safe='')}"


def article_iri(article_id: str) -> NamedNode:
    return NamedNode(_article_iri(article_id))


def article_graph(article_id: str) -> NamedNode:
    return NamedNode(_article_graph(article_id))


def event_iri(event_id: str) -> NamedNode:
    return NamedNode(_event_iri(event_id))


def mention_iri(mention: Mention) -> NamedNode:
    return NamedNode(_mention_iri(mention))


def plover_concept(plover_type: str, mode: str | None = None) -> NamedNode:
    """The SKOS concept of a PLOVER type (gk:plover-AID) or of one of its modes (gk:plover-AID-military)."""
    return NamedNode(f"{GK}plover-{quote(plover_type, safe='')}" + (f"-{quote(mode, safe='')}" if mode else ""))


# Every quad is made here as one N-Quads line ("<s> <p> <o> <g> .\n"): the embedded store
# bulk-loads the lines as they are, and the quad objects other callers take (the transactional
# writes, the remote SPARQL store, the export, the tests) are those lines parsed by pyoxigraph
# (quads_of), so the two can never differ. Term texts are what pyoxigraph writes for the term
# (str(NamedNode), str(Literal)); every IRI whose parts are not percent-encoded here goes through
# NamedNode once (cached), which checks it, as building the terms did.


def _t(term: NamedNode | Literal) -> str:
    return str(term)


def lit(value: str) -> str:
    """A plain literal's N-Quads text: only the four characters N-Quads forbids are escaped."""
    if '"' in value or "\\" in value or "\n" in value or "\r" in value:
        value = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{value}"'


_A_T = _t(_A)
_LABEL_T = _t(_LABEL)
_DATE_SUFFIX = f"^^{_t(_XSD_DATE)}"
_INT_SUFFIX = f"^^{_t(_XSD_INT)}"
_DOUBLE_SUFFIX = f"^^{_t(_XSD_DOUBLE)}"


@cache
def gk_t(term: str) -> str:
    return _t(gk(term))


@lru_cache(maxsize=1 << 16)
def iri_for_t(identifier: str) -> str:
    return _t(iri_for(identifier))


# Percent-encoded ids: these IRIs are valid by construction (no NamedNode to check them).
def article_graph_t(article_id: str) -> str:
    return f"<{_article_graph(article_id)}>"


def article_iri_t(article_id: str) -> str:
    return f"<{_article_iri(article_id)}>"


def event_iri_t(event_id: str) -> str:
    return f"<{_event_iri(event_id)}>"


@lru_cache(maxsize=1 << 10)
def _plover_t(plover_type: str, mode: str | None) -> str:
    return _t(plover_concept(plover_type, mode))


@lru_cache(maxsize=1 << 14)
def date_t(value) -> str:
    """An xsd:date literal: a datetime.date, or the text of one (office terms)."""
    return lit(value if isinstance(value, str) else value.isoformat()) + _DATE_SUFFIX


def _int_t(value: int) -> str:
    return f'"{int(value)}"{_INT_SUFFIX}'


@lru_cache(maxsize=1 << 12)
def _double_t(value: float) -> str:
    return f'"{float(value)!r}"{_DOUBLE_SUFFIX}'


def quads_of(lines: Iterable[str]) -> list[Quad]:
    """The quad objects of N-Quads lines made here."""
    text = "".join(lines)
    return list(parse(text.encode(), format=RdfFormat.N_QUADS)) if text else []


@lru_cache(maxsize=1 << 15)
def entity_lines(entity: Entity, graph: str = _t(ENTITIES_GRAPH)) -> tuple[str, ...]:
    """An entity's quads (in the entities graph): every article naming it repeats them."""
    s = iri_for_t(entity.id)
    po = [(_A_T, gk_t(entity.kind.value)), (_LABEL_T, lit(entity.name)), (gk_t("id"), lit(entity.id))]
    if entity.wikidata:
        po.append((_t(NamedNode(OWL + "sameAs")), _t(NamedNode(WD + entity.wikidata))))
    if entity.country:
        po.append((gk_t("country"), iri_for_t(f"state:{entity.country}")))
        if entity.kind is EntityKind.STATE:
            po.append((gk_t("iso3"), lit(entity.country)))
    if entity.sector:
        po.append((gk_t("sector"), lit(entity.sector)))
    if entity.geonames is not None:
        po.append((gk_t("geonamesId"), _int_t(entity.geonames)))
    if entity.lat is not None and entity.lon is not None:
        po.append((_t(NamedNode(GEO + "lat")), _double_t(entity.lat)))
        po.append((_t(NamedNode(GEO + "long")), _double_t(entity.lon)))
    if entity.part_of:
        po.append((gk_t("partOf"), iri_for_t(entity.part_of)))
    for alias in entity.aliases:
        po.append((gk_t("alias"), lit(alias)))
    lines = [f"{s} {p} {o} {graph} .\n" for p, o in po]
    for office in entity.offices:
        node = _t(NamedNode(f"{s[1:-1]}/office/{quote(office.office, safe='')}/{office.start or 'unknown'}"))
        lines.append(f"{s} {gk_t('holdsOffice')} {node} {graph} .\n")
        opo = [(_A_T, gk_t("OfficeTerm")), (_LABEL_T, lit(office.office)), (gk_t("title"), lit(office.title)),
               (gk_t("role"), lit(office.role))]  # fmt: skip
        if office.state:
            opo.append((gk_t("officeOf"), iri_for_t(f"state:{office.state}")))
        if office.start:
            opo.append((gk_t("officeStart"), date_t(office.start)))
        if office.end:
            opo.append((gk_t("officeEnd"), date_t(office.end)))
        lines.extend(f"{node} {p} {o} {graph} .\n" for p, o in opo)
    return tuple(lines)


@lru_cache(maxsize=1 << 15)
def _shared_entity_quads(entity: Entity) -> tuple[Quad, ...]:
    return tuple(quads_of(entity_lines(entity)))


def entity_quads(entity: Entity, graph: NamedNode = ENTITIES_GRAPH) -> list[Quad]:
    if graph == ENTITIES_GRAPH:
        return list(_shared_entity_quads(entity))
    return quads_of(entity_lines(entity, _t(graph)))


_DCT_TITLE = _t(NamedNode(DCT + "title"))
_DCT_SOURCE = _t(NamedNode(DCT + "source"))
_DCT_ISSUED = _t(NamedNode(DCT + "issued"))
_DCT_PUBLISHER = _t(NamedNode(DCT + "publisher"))


def article_lines(article: Article) -> list[str]:
    g = article_graph_t(article.id)
    s = article_iri_t(article.id)
    po = [(_A_T, gk_t("Article")), (gk_t("id"), lit(article.id))]
    if article.title:
        po.append((_DCT_TITLE, lit(article.title)))
    if article.url:
        po.append((_DCT_SOURCE, lit(article.url)))
    if article.published:
        po.append((_DCT_ISSUED, date_t(article.published)))
    if article.source:
        po.append((_DCT_PUBLISHER, lit(article.source)))
    return [f"{s} {p} {o} {g} .\n" for p, o in po]


def article_quads(article: Article) -> list[Quad]:
    return quads_of(article_lines(article))


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


class _PT:
    """P's terms as N-Quads text."""


for _name, _term in vars(P).items():
    if isinstance(_term, NamedNode):
        setattr(_PT, _name, _t(_term))

_TRUE_T = _t(Literal("true", datatype=_XSD_BOOL))
_FALSE_T = _t(Literal("false", datatype=_XSD_BOOL))
_attributes_json = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode


def event_lines(event: Event, article_id: str, mentions_done: set[str] | None = None) -> list[str]:
    """The event as reported by one article: what that article says, in that article's graph.
    A mention already described for another event of the article (its IRI text in `mentions_done`)
    is only linked, not described again (GDELT gives every event of an article the same one)."""
    g = article_graph_t(article_id)
    s = event_iri_t(event.id)
    po = [(_A_T, gk_t(event.type)), (_PT.id, lit(event.id)), (_PT.event_type, lit(event.type))]
    if event.plover_type:
        po.append((_PT.plover_type, lit(event.plover_type)))
        po.append((_PT.plover, _plover_t(event.plover_type, event.plover_mode)))
    if event.plover_mode:
        po.append((_PT.plover_mode, lit(event.plover_mode)))
    if event.cameo:
        po.append((_PT.cameo, lit(event.cameo)))
    po.append((_PT.score, _double_t(event.score)))
    po.append((_PT.polarity, lit(event.polarity.value)))
    po.append((_PT.confidence, _double_t(event.confidence)))
    for a in event.actors:
        po.append((_PT.actor, iri_for_t(a.id)))
    for r in event.recipients:
        po.append((_PT.recipient, iri_for_t(r.id)))
    for p in event.places:
        po.append((_PT.place, iri_for_t(p.id)))
    if event.date:
        po.append((_PT.date, date_t(event.date)))
    if event.date_precision:
        po.append((_PT.date_precision, lit(event.date_precision.value)))
    if event.date_text:
        po.append((_PT.date_text, lit(event.date_text)))
    if event.reported:
        po.append((_PT.reported, date_t(event.reported)))
    if event.attribution:
        po.append((_PT.attributed_to, iri_for_t(event.attribution.id)))
    if event.attributes:
        po.append((_PT.attributes, lit(_attributes_json(event.attributes))))
        for key, value in event.attributes.items():
            if not key.isidentifier():
                continue
            if isinstance(value, bool):
                po.append((gk_t(key), _TRUE_T if value else _FALSE_T))
            elif isinstance(value, int):
                po.append((gk_t(key), _int_t(value)))
    head, tail = s + " ", f" {g} .\n"
    lines = [f"{head}{p} {o}{tail}" for p, o in po]
    for m in event.mentions:
        if m.article != article_id:
            continue
        node = f"<{_mention_iri(m)}>"
        lines.append(f"{head}{_PT.derived_from} {node}{tail}")
        if mentions_done is not None:
            if node in mentions_done:
                continue
            mentions_done.add(node)
        lines.append(f"{node} {_A_T} {_PT.mention}{tail}")
        lines.append(f"{node} {_PT.in_article} {article_iri_t(m.article)}{tail}")
        lines.append(f"{node} {_PT.sentence} {lit(m.sentence)}{tail}")
        lines.append(f"{node} {_PT.start} {_int_t(m.start)}{tail}")
        lines.append(f"{node} {_PT.end} {_int_t(m.end)}{tail}")
    return lines


def event_quads(event: Event, article_id: str, mentions_done: set[str] | None = None) -> list[Quad]:
    return quads_of(event_lines(event, article_id, mentions_done))


FIRST_DATE = gk("firstDate")
_FIRST_DATE_T = _t(FIRST_DATE)
_EVENT_DATES_T = _t(EVENT_DATES_GRAPH)


def event_days(event: Event) -> tuple[str | None, str | None]:
    """The event's date and report date as xsd:date lexical forms (YYYY-MM-DD: they sort as the
    days do), which its gk:date and gk:reported quads carry."""
    return (event.date.isoformat() if event.date else None, event.reported.isoformat() if event.reported else None)


def first_day(date: str | None, reported: str | None) -> str | None:
    """An event's first date from its earliest date and earliest report date."""
    return date or reported


def first_date_line(event: str, day: str) -> str:
    """The gk:firstDate quad of an event (its IRI text) in graph/event-dates."""
    return f"{event} {_FIRST_DATE_T} {date_t(day)} {_EVENT_DATES_T} .\n"


def first_date_quads(quads: Iterable[Quad]) -> list[Quad]:
    """gk:firstDate of every event these quads describe, as if they were all the store held."""
    dates: dict[NamedNode, str] = {}
    reported: dict[NamedNode, str] = {}
    events: dict[NamedNode, None] = {}
    for q in quads:
        p = q.predicate
        if p == P.event_type:
            events[q.subject] = None
        elif p == P.date or p == P.reported:
            seen = dates if p == P.date else reported
            value = q.object.value
            if q.subject not in seen or value < seen[q.subject]:
                seen[q.subject] = value
    lines = []
    for e in events:
        day = first_day(dates.get(e), reported.get(e))
        if day:
            lines.append(first_date_line(str(e), day))
    return quads_of(lines)


def extraction_entities(events: Iterable[Event]) -> list[Entity]:
    """The entities the events name, and the state of each entity's country (one per id: the first)."""
    entities: dict[str, Entity] = {}
    for ev in events:
        for ent in (*ev.actors, *ev.recipients, *ev.places, *([ev.attribution] if ev.attribution else [])):
            entities.setdefault(ent.id, ent)
    for ent in list(entities.values()):
        if ent.country and f"state:{ent.country}" not in entities:
            entities[f"state:{ent.country}"] = state_entity(ent.country)
    return list(entities.values())


def extraction_lines(article: Article, events: Iterable[Event]) -> list[str]:
    """The lines of the article's own graph: the article and its events."""
    own = article_lines(article)
    mentions: set[str] = set()
    for ev in events:
        own.extend(event_lines(ev, article.id, mentions))
    return own


def extraction_quads(article: Article, events: Iterable[Event]) -> tuple[list[Quad], list[Quad]]:
    """(quads of the article's own graph, quads of the shared entities graph)."""
    events = list(events)
    own = quads_of(extraction_lines(article, events))
    shared = [q for ent in extraction_entities(events) for q in _shared_entity_quads(ent)]
    return own, shared
