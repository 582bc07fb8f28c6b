"""The embedded Oxigraph store: round trips, one named graph per article, replacing and
deleting an article, batched writes that stay atomic and idempotent."""

from __future__ import annotations

import dataclasses

import pytest
from pyoxigraph import NamedNode

from kg import rdf
from kg.model import Extraction
from kg.stores import StoreError, open_store
from kg.stores.oxigraph import OxigraphStore
from tests.rdf_sample import sample_events, sample_extractions


def _graphs(st: OxigraphStore) -> set[str]:
    return {g.value for g in st._store.named_graphs()}


def _first_dates(st: OxigraphStore) -> dict[str, str]:
    quads = st._store.quads_for_pattern(None, rdf.FIRST_DATE, None, rdf.EVENT_DATES_GRAPH)
    return {rdf.id_from_iri(q.subject.value).removeprefix("event:"): q.object.value for q in quads}


def _days_of_events_read_back(st: OxigraphStore) -> dict[str, str]:
    """An event's day as the saved queries take it: its earliest date, else its earliest report."""
    return {e.id: (e.date or e.reported).isoformat() for e in st.events() if e.date or e.reported}


def test_events_read_back_equal_the_merged_model(tmp_path):
    with open_store(str(tmp_path / "s")) as st:
        st.write(sample_extractions())
        assert sorted(st.events(), key=lambda e: e.id) == sample_events()
        assert _graphs(st) == {rdf.article_graph("a-1").value, rdf.article_graph("a-2").value, rdf.ENTITIES_GRAPH.value,
                               rdf.EVENT_DATES_GRAPH.value}  # fmt: skip
        assert len(st._store) == 154  # 151 the articles and entities say, and one first date per event


def test_each_event_has_one_stored_first_date_from_every_article_that_reports_it(tmp_path):
    first, second = sample_extractions()
    with open_store(str(tmp_path / "s")) as st:
        st.write([first, second])
        by_type = {e.type: e.id for e in st.events()}
        # the deployment is dated 2024-11-01 by one article; the others only have report days
        assert _first_dates(st) == {
            by_type["Deployment"]: "2024-11-01",
            by_type["Condemnation"]: "2024-11-02",
            by_type["MilitaryAid"]: "2024-11-03",
        }
        assert _first_dates(st) == _days_of_events_read_back(st)


def test_writing_twice_changes_nothing(tmp_path):
    with open_store(str(tmp_path / "s")) as st:
        st.write(sample_extractions())
        before = set(st._store)
    with open_store(str(tmp_path / "s")) as st:  # a new store object: nothing cached
        report = st.write(sample_extractions())
        assert set(st._store) == before
        assert (report.articles, report.events, report.mentions) == (2, 4, 4)


def test_a_changed_article_replaces_what_it_said_before(tmp_path):
    first, second = sample_extractions()
    with open_store(str(tmp_path / "s")) as st:
        st.write([first, second])
        deploy, condemn = first.events
        # a-1 now reports only the condemnation: the deployment stays (a-2 reports it too), with a-2's mention only
        st.write([Extraction(first.article, [condemn])])
        events = {e.type: e for e in st.events()}
        assert set(events) == {"Condemnation", "Deployment", "MilitaryAid"}
        assert [m.article for m in events["Deployment"].mentions] == ["a-2"]
        # the deployment's first date is now what a-2 alone says of it
        assert _first_dates(st) == _days_of_events_read_back(st)
        assert len(_first_dates(st)) == 3
        # and a-2 now reports nothing: its events go, its graph keeps only the article
        st.write([Extraction(second.article, [])])
        assert {e.type for e in st.events()} == {"Condemnation"}
        assert _first_dates(st) == _days_of_events_read_back(st) == {condemn.id: "2024-11-02"}
        g2 = rdf.article_graph("a-2")
        assert len(list(st._store.quads_for_pattern(None, None, None, g2))) == 4  # type, id, title, issued
        assert st.stats().articles == 2


def test_an_article_twice_in_one_write_keeps_the_last_version(tmp_path):
    first, _ = sample_extractions()
    older = Extraction(first.article, [first.events[0]])
    with open_store(str(tmp_path / "s")) as st:
        st.write([older, first])
        assert sorted(e.type for e in st.events()) == ["Condemnation", "Deployment"]
        st.write([first, older])
        assert sorted(e.type for e in st.events()) == ["Deployment"]
        assert _first_dates(st) == _days_of_events_read_back(st)
        assert len(_first_dates(st)) == 1


def test_a_store_without_first_dates_gets_them_when_opened_for_writing(tmp_path):
    with open_store(str(tmp_path / "s")) as st:
        st.write(sample_extractions())
        expected = _first_dates(st)
        st._store.remove_graph(rdf.EVENT_DATES_GRAPH)  # as a bulk load or an older kg leaves a store
    with open_store(str(tmp_path / "s"), read_only=True) as st:
        assert _first_dates(st) == {}  # a reader never writes
    with open_store(str(tmp_path / "s")) as st:
        assert _first_dates(st) == expected
        assert len(expected) == 3


def test_deleting_an_article_is_dropping_its_graph(tmp_path):
    with open_store(str(tmp_path / "s")) as st:
        st.write(sample_extractions())
        st._store.remove_graph(rdf.article_graph("a-2"))
        assert sorted(e.type for e in st.events()) == ["Condemnation", "Deployment"]
        assert [m.article for e in st.events() for m in e.mentions] == ["a-1", "a-1"]


@pytest.mark.parametrize("batch_quads", [1, 60, 100_000])
def test_batches_of_any_size_give_the_same_store(tmp_path, batch_quads):
    many = []
    for i in range(7):
        for x in sample_extractions():
            art = dataclasses.replace(x.article, id=f"{x.article.id}-{i}")
            evs = [e.with_mentions(tuple(dataclasses.replace(m, article=art.id) for m in e.mentions)) for e in x.events]
            many.append(Extraction(art, evs))
    with open_store(str(tmp_path / "s")) as st:
        st.batch_quads = batch_quads
        st.round_quads = batch_quads  # rounds of bulk-loaded new articles, one in flight as the next is built
        st.write(many)
        st.write(many[:5])
        assert st.stats().articles == 14
        assert len(list(st._store.named_graphs())) == 16
        entities = len(list(st._store.quads_for_pattern(None, None, None, rdf.ENTITIES_GRAPH)))
        assert entities == 51
        # each copy adds its two article graphs; entities are shared, and so are the copies' events
        # (the same ids), so their three first dates too
        assert len(st._store) == 7 * (151 - entities) + entities + 3
        assert _first_dates(st) == _days_of_events_read_back(st)
        assert NamedNode(rdf.article_graph("a-2-6").value) in set(st._store.named_graphs())


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_an_event_told_again_by_a_later_article_keeps_one_right_first_date(tmp_path, order):
    # The deployment is told by both articles; written one write at a time, the second article
    # finds it in the store (its first date either stays or moves to the earlier date).
    extractions = sample_extractions()
    with open_store(str(tmp_path / "s")) as st:
        for i in order:
            st.write([extractions[i]])
            assert _first_dates(st) == _days_of_events_read_back(st)
        assert len(_first_dates(st)) == 3
        assert len(list(st._store.quads_for_pattern(None, rdf.FIRST_DATE, None, None))) == 3


def test_optimize_keeps_every_quad_and_needs_a_writable_store(tmp_path):
    with open_store(str(tmp_path / "s")) as st:
        st.round_quads = 40  # several bulk-loaded rounds: several files per index to compact
        st.write(sample_extractions())
        before = set(st._store)
        st.optimize()
        assert set(st._store) == before and len(before) == 154
        assert sorted(st.events(), key=lambda e: e.id) == sample_events()
    with open_store(str(tmp_path / "s"), read_only=True) as st, pytest.raises(StoreError, match="read-only"):
        st.optimize()


def test_closing_after_a_large_bulk_load_optimizes_the_store(tmp_path):
    optimized: list[int] = []

    class Recording(OxigraphStore):
        def optimize(self) -> None:
            optimized.append(self._bulk_written)
            super().optimize()

    for _ in range(2):  # the second write loads nothing new: no compaction on close
        with Recording.open(tmp_path / "s") as st:
            st.round_quads = 40
            st.optimize_after_quads = 90
            st.write(sample_extractions())
            before = set(st._store)
    assert optimized == [100]  # the two articles' own quads (entities and first dates go in transactions)
    with open_store(str(tmp_path / "s"), read_only=True) as st:
        assert set(st._store) == before and len(before) == 154
