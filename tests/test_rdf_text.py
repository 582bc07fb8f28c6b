"""kg.rdf makes every quad as an N-Quads line; the embedded store bulk-loads the lines, every other
caller takes them parsed into pyoxigraph quads (rdf.quads_of). Both paths must give the same data:
here the bulk path (OxigraphStore.write, first dates derived from the model) against the quads
written one transaction at a time (first dates derived from the quads), on the seed and on the
GDELT export; and the text itself against what pyoxigraph writes for the same terms."""

from __future__ import annotations

import datetime as dt

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, parse
from pyoxigraph import Store as OxStore

from kg import rdf
from kg.model import Article, Entity, EntityKind, Event, Mention
from kg.stores.oxigraph import OxigraphStore
from tests.conftest import SHARED

SAMPLE = SHARED / "data" / "gdelt" / "20191024143000.export.CSV"


def _bulk(extractions, path) -> set:
    st = OxigraphStore.open(path)
    st.write(extractions)
    st.close()
    ro = OxStore.read_only(str(path))
    out = set(ro)
    del ro
    return out


def _objects(extractions) -> set:
    """The object path: extraction_quads into a store, first dates from the quads (first_date_quads)."""
    mem = OxStore()
    own_all = []
    for ex in extractions:
        own, shared = rdf.extraction_quads(ex.article, ex.events)
        mem.extend(own + shared)
        own_all.extend(own)
    mem.extend(rdf.first_date_quads(own_all))
    return set(mem)


def _lines(extractions) -> list[str]:
    out = []
    for ex in extractions:
        out += rdf.extraction_lines(ex.article, ex.events)
        out += [line for ent in rdf.extraction_entities(ex.events) for line in rdf.entity_lines(ent)]
    return out


def _check(extractions, tmp_path) -> None:
    assert _bulk(extractions, tmp_path / "bulk") == _objects(extractions)
    lines = _lines(extractions)
    # every line is strict N-Quads (the store loads them leniently) and is the line pyoxigraph
    # itself writes for the quad it parses into
    quads = list(parse("".join(lines).encode(), format=RdfFormat.N_QUADS, lenient=False))
    assert len(quads) == len(lines)
    assert [f"{q} .\n" for q in quads] == lines


def test_text_and_object_paths_agree_on_the_seed(seed_extractions, tmp_path):
    assert sum(len(ex.events) for ex in seed_extractions) > 0
    _check(seed_extractions, tmp_path)


@pytest.mark.skipif(not SAMPLE.is_file(), reason="the GDELT export in ../shared/data is missing")
def test_text_and_object_paths_agree_on_the_gdelt_export(tmp_path):
    from loaders.gdelt import read_extractions

    extractions = list(read_extractions([SAMPLE]))
    assert len(extractions) > 200
    _check(extractions, tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        'say "no"',
        "back\\slash",
        "two\nlines",
        "cr\r\nlf",
        "tab\there",
        "nul\x00",
        "bell\x07",
        "ünïcödé – 東京",
        " ",
        '\\"',
        "\\n",
    ],
)
def test_any_text_is_one_literal_with_that_value(text):
    """Article text is only ever a literal: nothing in it can end the literal or the line."""
    event = Event(type="Attack", actors=(), date_text=text, mentions=(Mention("a1", text, 0, 1),))
    quads = rdf.quads_of(rdf.event_lines(event, "a1") + rdf.article_lines(Article(id=text, text="", title=text)))
    assert Literal(text) in {q.object for q in quads}
    assert sum(q.object == Literal(text) for q in quads) == 4  # dateText, sentence, title, the article id


def test_iris_not_percent_encoded_are_still_checked():
    with pytest.raises(ValueError):
        rdf.entity_lines(Entity(id="state:XXX", name="X", kind=EntityKind.STATE, wikidata="Q 1"))
    good = Entity(id="person:a b", name="A B", kind=EntityKind.PERSON, wikidata="Q1")
    assert NamedNode(rdf.ID + "person/a%20b") in {q.subject for q in rdf.entity_quads(good)}


def test_first_dates_from_the_model_equal_those_from_the_quads():
    a = Entity(id="state:AAA", name="A", kind=EntityKind.STATE)
    events = [
        Event(type="Attack", actors=(a,), date=dt.date(2020, 1, 5), reported=dt.date(2020, 1, 9), id="e1"),
        Event(type="Attack", actors=(a,), reported=dt.date(2020, 2, 1), id="e2"),
        Event(type="Attack", actors=(a,), id="e3"),
    ]
    quads = rdf.quads_of(line for ev in events for line in rdf.event_lines(ev, "a1"))
    from_model = rdf.quads_of(
        rdf.first_date_line(rdf.event_iri_t(ev.id), day) for ev in events if (day := rdf.first_day(*rdf.event_days(ev)))
    )
    assert set(from_model) == set(rdf.first_date_quads(quads))
    assert len(from_model) == 2
