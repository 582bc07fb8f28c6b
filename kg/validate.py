"""SHACL validation of a store's data against ontology/shapes.ttl, with the ontology mixed in.

    report = validate_store(store)       # any Store: its RDF export is what gets checked
    report = validate_graph(rdflib_graph)
    print("\\n".join(report.lines()))
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache

from rdflib import RDF, Graph, Namespace, URIRef

from kg import rdf
from kg.paths import ontology_dir
from kg.stores.base import Store

SH = Namespace("http://www.w3.org/ns/shacl#")
_PREFIXES = {**rdf.PREFIXES, "skos": "http://www.w3.org/2004/02/skos/core#", "sh": str(SH)}


@cache
def _parsed(name: str) -> Graph:
    g = Graph()
    g.parse(ontology_dir() / name, format="turtle")
    return g


def ontology_graph() -> Graph:
    return _parsed("geokg.ttl")


def shapes_graph() -> Graph:
    return _parsed("shapes.ttl")


def short(term: object) -> str:
    """An IRI as a CURIE when a project prefix covers it (gkid:event/e-1f0c...), else as <IRI>; literals quoted."""
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, ns in sorted(_PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"
    if term is None:
        return "-"
    return repr(str(term))


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    value: str | None = None
    severity: str = "Violation"
    shape: str = ""

    def line(self) -> str:
        value = f" (value {self.value})" if self.value is not None else ""
        return f"{self.severity}: {self.focus} {self.path}: {self.message}{value}"


@dataclass
class Report:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    def lines(self, limit: int | None = None) -> list[str]:
        counts = ", ".join(f"{n} {what}" for what, n in self.checked.items())
        if self.conforms:
            return [f"conforms: {counts} checked against ontology/shapes.ttl"]
        shown = self.violations if limit is None else self.violations[:limit]
        out = [v.line() for v in shown]
        if len(shown) < len(self.violations):
            out.append(f"... and {len(self.violations) - len(shown)} more")
        out.append(f"does not conform: {len(self.violations)} violation(s) in {counts}")
        return out


def _counts(data: Graph) -> dict[str, int]:
    gk = Namespace(rdf.GK)
    events = {s for s in data.subjects(gk.eventType, None)}
    return {
        "events": len(events),
        "mentions": len(set(data.subjects(RDF.type, gk.Mention))),
        "articles": len(set(data.subjects(RDF.type, gk.Article))),
        "triples": len(data),
    }


def validate_graph(data: Graph) -> Report:
    """Check a graph (the union of a store's graphs) against the shapes; the ontology is mixed in."""
    from pyshacl import validate

    checked = _counts(data)
    # The whole ontology goes in (pySHACL's own ont_graph mix-in leaves out individuals such as
    # the PLOVER concepts); validating in place on this copy saves pySHACL a second one.
    mixed = Graph()
    for triple in data:
        mixed.add(triple)
    for triple in ontology_graph():
        mixed.add(triple)
    conforms, results, _text = validate(
        mixed,
        shacl_graph=shapes_graph(),
        inference="none",
        inplace=True,
        abort_on_first=False,
        allow_warnings=True,
    )
    violations = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(r, SH.resultPath)
        value = results.value(r, SH.value)
        violations.append(
            Violation(
                focus=short(results.value(r, SH.focusNode)),
                path=short(path) if path is not None else "",
                message=str(results.value(r, SH.resultMessage) or "constraint not met"),
                value=short(value) if value is not None else None,
                severity=short(results.value(r, SH.resultSeverity)).removeprefix("sh:"),
                shape=short(results.value(r, SH.sourceShape)),
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return Report(conforms=bool(conforms), violations=violations, checked=checked)


def store_graph(store: Store) -> Graph:
    """The union of the store's graphs as one rdflib graph (through the one export path)."""
    from kg.rdf_export import export_store

    buf = io.BytesIO()
    export_store(store, "ntriples", buf)
    g = Graph()
    g.parse(data=buf.getvalue(), format="nt")
    return g


def validate_store(store: Store) -> Report:
    return validate_graph(store_graph(store))
