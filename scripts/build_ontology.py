#!/usr/bin/env python3
"""Write ontology/geokg.ttl and ontology/context.jsonld from the core vocabulary below and the
event taxonomy in ontology/event-types.toml (the single source of truth for event types).

    .venv/bin/python scripts/build_ontology.py          # rewrite both files
    .venv/bin/python scripts/build_ontology.py --check  # exit 1 when a committed file is stale

tests/test_rdf_ontology.py runs the check, so the ontology cannot drift from the taxonomy.
The core vocabulary (classes and properties that are not event types) is written here once, as
data, so that the OWL file and the JSON-LD context come from the same list.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ontology import Taxonomy, taxonomy  # noqa: E402
from kg.rdf import GK, GRAPH, ID, PREFIXES  # noqa: E402

ONTOLOGY_IRI = GK.rstrip("#")
SKOS = "http://www.w3.org/2004/02/skos/core#"
VANN = "http://purl.org/vocab/vann/"
EXTRA_PREFIXES = {"skos": SKOS, "vann": VANN}

# PLOVER 2021 (Open Event Data Alliance): the 16 event types, in the manual's order.
PLOVER_TYPES = {
    "AGREE": "Agree",
    "CONSULT": "Consult",
    "SUPPORT": "Support",
    "CONCEDE": "Concede",
    "COOPERATE": "Cooperate",
    "AID": "Aid",
    "RETREAT": "Retreat",
    "REQUEST": "Request",
    "ACCUSE": "Accuse",
    "REJECT": "Reject",
    "THREATEN": "Threaten",
    "PROTEST": "Protest",
    "SANCTION": "Sanction",
    "MOBILIZE": "Mobilize",
    "COERCE": "Coerce",
    "ASSAULT": "Assault",
}


@dataclass(frozen=True)
class Term:
    """One core term. kind: class | object | datatype | annotation. range: a CURIE or None."""

    name: str
    kind: str
    label: str
    comment: str
    parents: tuple[str, ...] = ()
    domain: str | None = None
    range: str | None = None
    functional: bool = False


CORE: tuple[Term, ...] = (
    # classes
    Term(
        "Event",
        "class",
        "event",
        "Something that happened between parties, as reported by one or more articles. "
        "Every event is an instance of exactly one of the event types below.",
        ("sem:Event",),
    ),
    Term("State", "class", "state", "A sovereign state, keyed by its ISO 3166-1 alpha-3 code.", ("sem:Actor",)),
    Term("Person", "class", "person", "A person, often a leader holding an office of a state or organisation.", ("sem:Actor",)),
    Term(
        "Organisation",
        "class",
        "organisation",
        "An organisation: an intergovernmental organisation, armed force, agency, party or news medium.",
        ("sem:Actor",),
    ),
    Term("ArmedGroup", "class", "armed group", "A non-state armed group.", ("sem:Actor",)),
    Term("Place", "class", "place", "A place below the level of a state: a city, region, border area or site.", ("sem:Place",)),
    Term(
        "Article",
        "class",
        "article",
        "A news article or other text that reports events; the unit of provenance "
        "(each article's statements live in a named graph of its own).",
        ("prov:Entity",),
    ),
    Term(
        "Mention",
        "class",
        "mention",
        "The sentence of an article that states an event, with character offsets into the article's text.",
        ("prov:Entity",),
    ),
    Term("OfficeTerm", "class", "office term", "A post a person holds or held, with its title, role and dates."),
    # roles of an event (SEM)
    Term(
        "actor",
        "object",
        "actor",
        "Who did it: the party that carries out the event.",
        ("sem:hasActor",),
        "gk:Event",
        "sem:Actor",
    ),
    Term("recipient", "object", "recipient", "To or against whom the event is done.", ("sem:hasActor",), "gk:Event"),
    Term("place", "object", "place", "Where the event happened (a place or a state).", ("sem:hasPlace",), "gk:Event"),
    Term(
        "attributedTo",
        "object",
        "attributed to",
        'Who says the event happened ("according to KCNA"), kept apart from who did it.',
        (),
        "gk:Event",
        "sem:Actor",
    ),
    Term(
        "date",
        "datatype",
        "date",
        "The day the event happened, normalised; see datePrecision for how precise it is.",
        ("sem:hasTimeStamp",),
        "gk:Event",
        "xsd:date",
    ),
    Term(
        "datePrecision",
        "datatype",
        "date precision",
        "How precise the date is: day, week, month or year.",
        (),
        "gk:Event",
        "xsd:string",
    ),
    Term("dateText", "datatype", "date text", "The words of the article that give the date.", (), "gk:Event", "xsd:string"),
    Term(
        "reported",
        "datatype",
        "reported",
        "The day the event was first reported (publication date of the earliest article).",
        (),
        "gk:Event",
        "xsd:date",
    ),
    Term(
        "firstDate",
        "datatype",
        "first date",
        "The event's day as the saved queries take it: its earliest date, else the day it was first reported "
        "(derived from every article that reports it, and kept by the store as articles change).",
        (),
        "gk:Event",
        "xsd:date",
    ),
    # coding of an event
    Term(
        "eventType",
        "datatype",
        "event type",
        "The local name of the event's type class (e.g. Deployment), for fast queries.",
        (),
        "gk:Event",
        "xsd:string",
    ),
    Term(
        "plover",
        "object",
        "PLOVER concept",
        "The PLOVER concept the event is coded as: a mode concept (narrower than its "
        "type) when the event has a mode, else the type concept.",
        (),
        "gk:Event",
        "skos:Concept",
    ),
    Term(
        "ploverType",
        "datatype",
        "PLOVER type",
        "The PLOVER event type code (e.g. MOBILIZE) as a literal, for fast queries.",
        (),
        "gk:Event",
        "xsd:string",
    ),
    Term(
        "ploverMode",
        "datatype",
        "PLOVER mode",
        "The PLOVER mode (e.g. troops) as a literal, for fast queries.",
        (),
        "gk:Event",
        "xsd:string",
    ),
    Term(
        "cameoCode",
        "datatype",
        "CAMEO code",
        "The CAMEO event code that means the same (e.g. 154).",
        (),
        "gk:Event",
        "xsd:string",
    ),
    Term(
        "score",
        "datatype",
        "score",
        "The PLOVER conflict-cooperation score, -10 (most hostile) to +10 (most cooperative).",
        (),
        "gk:Event",
        "xsd:double",
    ),
    Term(
        "polarity",
        "datatype",
        "polarity",
        "Whether the article asserts, denies, supposes or announces the event: asserted, denied, hypothetical or planned.",
        (),
        "gk:Event",
        "xsd:string",
    ),
    Term(
        "confidence", "datatype", "confidence", "The extractor's confidence in the event, 0 to 1.", (), "gk:Event", "xsd:double"
    ),
    Term(
        "attributes",
        "datatype",
        "attributes",
        "Further attributes of the event (troop counts, casualties, weapons) as a JSON "
        "object; integer and boolean attributes are also given as gk properties of their own name.",
        (),
        "gk:Event",
        "xsd:string",
    ),
    # provenance
    Term("inArticle", "object", "in article", "The article a mention is part of.", ("dct:isPartOf",), "gk:Mention", "gk:Article"),
    Term("sentence", "datatype", "sentence", "The text of the sentence that states the event.", (), "gk:Mention", "xsd:string"),
    Term(
        "start",
        "datatype",
        "start offset",
        "Offset of the mention's first character in the article's text.",
        (),
        "gk:Mention",
        "xsd:integer",
    ),
    Term(
        "end",
        "datatype",
        "end offset",
        "Offset just after the mention's last character (exclusive).",
        (),
        "gk:Mention",
        "xsd:integer",
    ),
    # entities
    Term(
        "id",
        "datatype",
        "identifier",
        "The project's stable identifier of an article, event or entity (e.g. state:PRK).",
        (),
        None,
        "xsd:string",
    ),
    Term("country", "object", "country", "The state an entity belongs to (for a state: itself).", (), None, "gk:State"),
    Term("iso3", "datatype", "ISO 3166 alpha-3", "The state's three-letter ISO 3166-1 code.", (), "gk:State", "xsd:string"),
    Term(
        "sector", "datatype", "sector", "What kind of organisation: government, military, igo, media, ...", (), None, "xsd:string"
    ),
    Term("geonamesId", "datatype", "GeoNames id", "The place's GeoNames identifier.", (), "gk:Place", "xsd:integer"),
    Term(
        "partOf",
        "object",
        "part of",
        "A larger entity this one belongs to (a unit of an armed force, a region of a state).",
        (),
        None,
        None,
    ),
    Term("alias", "datatype", "alias", "Another name the entity goes by.", (), None, "xsd:string"),
    Term("holdsOffice", "object", "holds office", "A term of office the person holds or held.", (), "gk:Person", "gk:OfficeTerm"),
    Term(
        "title",
        "datatype",
        "title",
        "The title of the office, as used before a name (e.g. President).",
        (),
        "gk:OfficeTerm",
        "xsd:string",
    ),
    Term(
        "role",
        "datatype",
        "role",
        "The kind of office: head_of_state, head_of_government, minister, ...",
        (),
        "gk:OfficeTerm",
        "xsd:string",
    ),
    Term("officeOf", "object", "office of", "The state the office belongs to.", (), "gk:OfficeTerm", "gk:State"),
    Term("officeStart", "datatype", "office start", "The first day in office.", (), "gk:OfficeTerm", "xsd:date"),
    Term(
        "officeEnd", "datatype", "office end", "The day the term ended (absent while in office).", (), "gk:OfficeTerm", "xsd:date"
    ),
    # attributes of events that the extractor emits as properties of their own (integers, booleans)
    Term(
        "troops",
        "datatype",
        "troops",
        "The number of troops an event involves (from attributes.troops).",
        (),
        "gk:Event",
        "xsd:integer",
    ),
    Term("killed", "datatype", "killed", "The number of people killed (from attributes.killed).", (), "gk:Event", "xsd:integer"),
    Term(
        "recapture",
        "datatype",
        "recapture",
        "True when seized territory is taken back (from attributes.recapture).",
        (),
        "gk:Seizure",
        "xsd:boolean",
    ),
    # describing the event types themselves
    Term("codedAs", "annotation", "coded as", "The PLOVER concept an event type is coded as by default."),
    Term(
        "codedAsWhenSupporting",
        "annotation",
        "coded as when supporting",
        "The PLOVER concept of the same act when its recipient is the side it helps (troops sent to an ally are military aid).",
    ),
    Term(
        "codedAsWhenIntended",
        "annotation",
        "coded as when intended",
        "The PLOVER concept of the same act when its actor only states that it intends, offers or agrees to do it "
        "(CAMEO 03, PLOVER AGREE, for cooperation; CAMEO 13, PLOVER THREATEN, for force).",
    ),
    Term(
        "defaultCameo", "annotation", "default CAMEO code", "The most specific CAMEO code that means the same as the event type."
    ),
    Term("defaultScore", "annotation", "default score", "The PLOVER conflict-cooperation score of the event type's coding."),
    Term("goldstein", "annotation", "Goldstein score", "The CAMEO Goldstein score of the event type's CAMEO code."),
    Term("stance", "annotation", "stance", "How the actor stands toward the recipients: supports, opposes or engages."),
    Term("cameoRoot", "annotation", "CAMEO root", "A CAMEO code prefix this event type covers when importing coded datasets."),
)

# Declared so that OWL tools know what kind of term each reused one is.
EXTERNAL = (
    ("sem:Event", "owl:Class"),
    ("sem:Actor", "owl:Class"),
    ("sem:Place", "owl:Class"),
    ("prov:Entity", "owl:Class"),
    ("skos:Concept", "owl:Class"),
    ("sem:hasActor", "owl:ObjectProperty"),
    ("sem:hasPlace", "owl:ObjectProperty"),
    ("sem:hasTimeStamp", "owl:DatatypeProperty"),
    ("prov:wasDerivedFrom", "owl:ObjectProperty"),
    ("dct:isPartOf", "owl:ObjectProperty"),
    ("dct:title", "owl:AnnotationProperty"),
    ("dct:license", "owl:AnnotationProperty"),
    ("vann:preferredNamespacePrefix", "owl:AnnotationProperty"),
    ("vann:preferredNamespaceUri", "owl:AnnotationProperty"),
    ("skos:notation", "owl:AnnotationProperty"),
)

OWL_KIND = {
    "class": "owl:Class",
    "object": "owl:ObjectProperty",
    "datatype": "owl:DatatypeProperty",
    "annotation": "owl:AnnotationProperty",
}


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def plover_concept(code: str, mode: str | None = None) -> str:
    """The CURIE of a PLOVER type concept (gk:plover-MOBILIZE) or mode concept (gk:plover-MOBILIZE-troops)."""
    return f"gk:plover-{code}" + (f"-{mode}" if mode else "")


def plover_modes(tax: Taxonomy) -> dict[str, list[str]]:
    """Every PLOVER mode the taxonomy can emit, per PLOVER type, in first-seen order."""
    modes: dict[str, list[str]] = {}
    for et in tax.types.values():
        for coding in filter(None, (et.coding, et.when_supporting, et.when_intended)):
            if coding.plover and coding.mode:
                modes.setdefault(coding.plover, []).append(coding.mode)
        if et.coding.plover:
            modes.setdefault(et.coding.plover, []).extend(et.modes)
    return {k: list(dict.fromkeys(v)) for k, v in modes.items()}


def _block(subject: str, pairs: list[tuple[str, str]]) -> str:
    lines = [f"{subject} {pairs[0][0]} {pairs[0][1]}"]
    lines += [f"    {p} {o}" for p, o in pairs[1:]]
    return " ;\n".join(lines) + " .\n"


def build_turtle(tax: Taxonomy) -> str:
    prefixes = {**PREFIXES, **EXTRA_PREFIXES}
    out = [f"@prefix {k}: <{v}> .\n" for k, v in sorted(prefixes.items())]
    out.append(
        "\n# GENERATED by scripts/build_ontology.py from its core vocabulary and ontology/event-types.toml.\n"
        "# Do not edit by hand: change the generator or the taxonomy and run it again.\n\n"
    )
    out.append(
        _block(
            f"<{ONTOLOGY_IRI}>",
            [
                ("a", "owl:Ontology"),
                ("dct:title", _q("geokg: geopolitical events ontology")),
                ("rdfs:label", _q("geokg ontology")),
                (
                    "rdfs:comment",
                    _q(
                        "Typed geopolitical events (who did what to whom, where, when, according to whom) with the sentences "
                        "that prove them. Events are sem:Event, parties sem:Actor, places sem:Place (Simple Event Model); "
                        "event types map onto PLOVER concepts and CAMEO codes; provenance uses PROV-O (an event "
                        "prov:wasDerivedFrom the mentions that state it); entities are owl:sameAs their Wikidata items. "
                        f"Terms live in {GK}, instances in {ID}, and each article's statements in a named graph under {GRAPH}."
                    ),
                ),
                ("owl:versionInfo", _q(tax.version)),
                ("vann:preferredNamespacePrefix", _q("gk")),
                ("vann:preferredNamespaceUri", _q(GK)),
                ("dct:license", "<https://opensource.org/licenses/MIT>"),
                (
                    "rdfs:seeAlso",
                    "<http://semanticweb.cs.vu.nl/2009/11/sem/>, <http://www.w3.org/ns/prov#>, "
                    "<https://github.com/openeventdata/PLOVER>",
                ),
            ],
        )
    )

    out.append("\n# ---- Terms reused from SEM, PROV-O, SKOS and Dublin Core ----\n\n")
    for curie, kind in EXTERNAL:
        out.append(f"{curie} a {kind} .\n")
    out.append("\n# ---- Core classes and properties ----\n\n")
    for t in CORE:
        pairs = [
            ("a", OWL_KIND[t.kind]),
            ("rdfs:label", _q(t.label) + "@en"),
            ("rdfs:comment", _q(t.comment) + "@en"),
            ("rdfs:isDefinedBy", f"<{ONTOLOGY_IRI}>"),
        ]
        if t.parents:
            rel = "rdfs:subClassOf" if t.kind == "class" else "rdfs:subPropertyOf"
            pairs.append((rel, ", ".join(t.parents)))
        if t.domain:
            pairs.append(("rdfs:domain", t.domain))
        if t.range:
            pairs.append(("rdfs:range", t.range))
        out.append(_block(f"gk:{t.name}", pairs) + "\n")

    out.append("# ---- Event types (from ontology/event-types.toml) ----\n\n")
    for et in tax.types.values():
        c = et.coding
        pairs = [
            ("a", "owl:Class"),
            ("rdfs:subClassOf", "gk:Event"),
            ("rdfs:label", _q(et.label) + "@en"),
            ("rdfs:comment", _q(et.comment) + "@en"),
            ("rdfs:isDefinedBy", f"<{ONTOLOGY_IRI}>"),
        ]
        if c.plover:
            pairs.append(("gk:codedAs", plover_concept(c.plover, c.mode)))
        if et.when_supporting and et.when_supporting.plover:
            ws = et.when_supporting
            pairs.append(("gk:codedAsWhenSupporting", plover_concept(ws.plover, ws.mode)))
        if et.when_intended and et.when_intended.plover:
            wi = et.when_intended
            pairs.append(("gk:codedAsWhenIntended", plover_concept(wi.plover, wi.mode)))
        pairs += [
            ("gk:defaultCameo", _q(c.cameo)),
            ("gk:defaultScore", f'"{c.score!r}"^^xsd:double'),
            ("gk:goldstein", f'"{c.goldstein!r}"^^xsd:double'),
            ("gk:stance", _q(c.stance)),
        ]
        if et.cameo_roots:
            pairs.append(("gk:cameoRoot", ", ".join(_q(r) for r in dict.fromkeys(et.cameo_roots))))
        out.append(_block(f"gk:{et.name}", pairs) + "\n")

    out.append("# ---- PLOVER types and modes (SKOS) ----\n\n")
    out.append(
        _block(
            "gk:plover-scheme",
            [
                ("a", "skos:ConceptScheme"),
                ("rdfs:label", _q("PLOVER event types and modes") + "@en"),
                (
                    "rdfs:comment",
                    _q(
                        "PLOVER (Open Event Data Alliance, 2021), the successor of CAMEO: 16 event types, "
                        "some with modes. Only the modes this project codes are listed."
                    )
                    + "@en",
                ),
                ("skos:hasTopConcept", ", ".join(plover_concept(p) for p in PLOVER_TYPES)),
            ],
        )
        + "\n"
    )
    modes = plover_modes(tax)
    for code, label in PLOVER_TYPES.items():
        out.append(
            _block(
                plover_concept(code),
                [
                    ("a", "skos:Concept"),
                    ("skos:inScheme", "gk:plover-scheme"),
                    ("skos:topConceptOf", "gk:plover-scheme"),
                    ("skos:notation", _q(code)),
                    ("skos:prefLabel", _q(label) + "@en"),
                    ("rdfs:label", _q(f"PLOVER {code}") + "@en"),
                    ("rdfs:comment", _q(f"The PLOVER event type {code}.") + "@en"),
                ],
            )
            + "\n"
        )
        for mode in modes.get(code, []):
            out.append(
                _block(
                    plover_concept(code, mode),
                    [
                        ("a", "skos:Concept"),
                        ("skos:inScheme", "gk:plover-scheme"),
                        ("skos:broader", plover_concept(code)),
                        ("skos:notation", _q(mode)),
                        ("skos:prefLabel", _q(f"{label}: {mode}") + "@en"),
                        ("rdfs:label", _q(f"PLOVER {code} mode {mode}") + "@en"),
                        ("rdfs:comment", _q(f"The PLOVER event type {code} in mode {mode}.") + "@en"),
                    ],
                )
                + "\n"
            )
    return "".join(out).rstrip("\n") + "\n"


def build_context() -> str:
    """The JSON-LD @context published with the ontology: prefixes, classes and properties as short terms."""
    ctx: dict[str, object] = {k: v for k, v in sorted({**PREFIXES, **EXTRA_PREFIXES}.items())}
    for t in CORE:
        if t.kind == "class":
            ctx[t.name] = f"gk:{t.name}"
        elif t.kind == "object":
            ctx[t.name] = {"@id": f"gk:{t.name}", "@type": "@id"}
        elif t.kind == "datatype" and t.range and t.range != "xsd:string":
            ctx[t.name] = {"@id": f"gk:{t.name}", "@type": t.range}
        else:
            ctx[t.name] = f"gk:{t.name}"
    for name in taxonomy().types:
        ctx[name] = f"gk:{name}"
    ctx.update(
        {
            "label": "rdfs:label",
            "sameAs": {"@id": "owl:sameAs", "@type": "@id"},
            "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
            "title": "dct:title",
            "source": "dct:source",
            "issued": {"@id": "dct:issued", "@type": "xsd:date"},
            "publisher": "dct:publisher",
            "lat": {"@id": "geo:lat", "@type": "xsd:double"},
            "long": {"@id": "geo:long", "@type": "xsd:double"},
        }
    )
    # gk:title (an office's title) and dct:title (an article's) share a short name; the office keeps the gk: form.
    return json.dumps({"@context": ctx}, indent=2, ensure_ascii=False) + "\n"


def outputs() -> dict[Path, str]:
    tax = taxonomy()
    return {ROOT / "ontology" / "geokg.ttl": build_turtle(tax), ROOT / "ontology" / "context.jsonld": build_context()}


def main(argv: list[str]) -> int:
    stale = [p for p, text in outputs().items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if "--check" in argv:
        for p in stale:
            print(f"{p.relative_to(ROOT)} is out of date: run scripts/build_ontology.py", file=sys.stderr)
        return 1 if stale else 0
    for p, text in outputs().items():
        p.write_text(text, encoding="utf-8")
        print(f"wrote {p.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
