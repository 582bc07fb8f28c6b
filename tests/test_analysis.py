"""The analysis on a small hand-built event set: dyad scores, decay, blocs, central actors, movers."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.analysis import Period, analyse, dyad_scores, event_graph, movers, opposition_network, support_network
from kg.relations import ALLIED_WITH
from tests.test_relations import ev

D = dt.date


@pytest.fixture(scope="module")
def events():
    return [
        ev("MilitaryAid", "PRK", "RUS", "2024-11-01", sentence="North Korea supplied Russia with shells."),
        ev("Deployment", "PRK", "RUS", "2024-10-15", supporting=True,
           sentence="North Korea deployed troops to fight for Russia."),
        ev("Praise", "RUS", "PRK", "2025-04-28", sentence="Putin thanked Kim Jong Un."),
        ev("Condemnation", "USA", "PRK", "2024-11-05", sentence="The United States condemned the deployment."),
        ev("Condemnation", "KOR", "PRK", "2024-11-06", sentence="South Korea denounced the troop deployment."),
        ev("Attack", "RUS", "UKR", "2024-08-10"),
        ev("Attack", "UKR", "RUS", "2024-08-12"),
        ev("MilitaryAid", "USA", "UKR", "2024-09-01"),
        ev("Meeting", "USA", "KOR", "2024-03-01"),
        ev("Sanction", "USA", "RUS", "2024-02-01"),
    ]


def table(scores):
    return [(s.a.id[6:], s.b.id[6:], s.score, s.events) for s in scores]


def test_dyad_scores_without_decay(events):
    scores = dyad_scores(events, half_life_days=None)
    assert table(scores) == [
        ("PRK", "RUS", 25.0, 3),
        ("RUS", "UKR", -18.0, 2),
        ("UKR", "USA", 10.0, 1),
        ("RUS", "USA", -6.0, 1),
        ("KOR", "USA", 2.5, 1),
        ("KOR", "PRK", -2.0, 1),
        ("PRK", "USA", -2.0, 1),
    ]
    top = scores[0]
    assert top.positive == 25.0 and top.negative == 0.0 and top.raw == 25.0
    assert top.first == D(2024, 10, 15) and top.last == D(2025, 4, 28)
    # every number is the sum of its listed contributions, each naming its event
    assert sorted(c.event_id for c in top.contributions) == sorted(e.id for e in events[:3])
    assert [c.value for c in top.contributions] == [10.0, 10.0, 5.0]  # in date order


def test_time_decay_halves_per_half_life(events):
    # reference = the latest event (2025-04-28); the Praise counts in full
    scores = {s.key: s for s in dyad_scores(events, half_life_days=30)}
    prk_rus = scores[("state:PRK", "state:RUS")]
    by_type = {c.type: c for c in prk_rus.contributions}
    assert by_type["Praise"].decay == 1.0 and by_type["Praise"].value == 5.0
    age = (D(2025, 4, 28) - D(2024, 11, 1)).days  # 178 days
    assert by_type["MilitaryAid"].decay == pytest.approx(0.5 ** (age / 30), abs=1e-6)
    assert prk_rus.score == pytest.approx(sum(c.value for c in prk_rus.contributions), abs=1e-3)
    # a window's end is the reference: 30 days before it weighs one half
    s = dyad_scores(events, since=D(2024, 2, 1), until=D(2024, 3, 2), half_life_days=30)
    assert table(s) == [("RUS", "USA", -3.0, 1), ("KOR", "USA", 2.4429, 1)]  # 2.5 * 0.5 ** (1/30)


def test_relations_networks_and_alliance(events):
    a = analyse(events, half_life_days=None)
    sup = support_network(a.relations)
    assert sorted((u, v, d["weight"]) for u, v, d in sup.edges(data=True)) == [
        ("state:PRK", "state:RUS", 20.0), ("state:RUS", "state:PRK", 5.0), ("state:USA", "state:UKR", 10.0)]
    opp = opposition_network(a.relations)
    assert sorted((u, v, d["weight"]) for u, v, d in opp.edges(data=True)) == [
        ("state:KOR", "state:PRK", 2.0), ("state:RUS", "state:UKR", 9.0), ("state:UKR", "state:RUS", 9.0),
        ("state:USA", "state:PRK", 2.0), ("state:USA", "state:RUS", 6.0)]
    allied = [(r.source.id, r.target.id, r.weight) for r in a.relations if r.kind == ALLIED_WITH]
    assert allied == [("state:PRK", "state:RUS", 25.0)]


def test_blocs(events):
    a = analyse(events, half_life_days=None)
    assert [([m.id for m in b.members], b.cohesion) for b in a.blocs] == [
        (["state:PRK", "state:RUS"], 25.0),
        (["state:KOR", "state:UKR", "state:USA"], 12.5),
    ]
    assert set(a.blocs[0].event_ids) == {e.id for e in events[:3]}


def test_central_actors(events):
    a = analyse(events, half_life_days=None)
    rows = [(x.state.id[6:], x.partners, x.activity, x.net) for x in a.actors]
    assert rows == [("RUS", 3, 49.0, 1.0), ("PRK", 3, 29.0, 21.0), ("UKR", 2, 28.0, -8.0),
                    ("USA", 4, 20.5, 4.5), ("KOR", 2, 4.5, 0.5)]
    rus = a.actors[0]
    assert (rus.support_given, rus.support_received, rus.opposition_given, rus.opposition_received) == (5.0, 20.0, 9.0, 15.0)
    assert max(a.actors, key=lambda x: x.betweenness).state.id in ("state:USA", "state:RUS")


def test_movers(events):
    moves = movers(events, Period(D(2024, 1, 1), D(2024, 6, 30)), Period(D(2024, 7, 1), D(2025, 6, 30)), half_life_days=None)
    assert [(m.a.id[6:], m.b.id[6:], m.before, m.after, m.delta) for m in moves] == [
        ("PRK", "RUS", 0.0, 25.0, 25.0),
        ("RUS", "UKR", 0.0, -18.0, -18.0),
        ("UKR", "USA", 0.0, 10.0, 10.0),
        ("RUS", "USA", -6.0, 0.0, 6.0),
        ("KOR", "USA", 2.5, 0.0, -2.5),
        ("KOR", "PRK", 0.0, -2.0, -2.0),
        ("PRK", "USA", 0.0, -2.0, -2.0),
    ]
    assert moves[3].events_before == (events[9].id,)
    assert Period.parse("2024-07-01..") == Period(D(2024, 7, 1), None)
    with pytest.raises(ValueError):
        Period.parse("2024")


def test_evidence_and_event_graph(events):
    a = analyse(events, half_life_days=None)
    ev_ = a.evidence(a.dyad("state:RUS", "state:PRK").event_ids)
    assert [e.sentence for e in ev_] == [
        "North Korea deployed troops to fight for Russia.",
        "North Korea supplied Russia with shells.",
        "Putin thanked Kim Jong Un.",
    ]
    g = event_graph(events)
    assert g.number_of_nodes() == 10 + 5  # ten events, five states
    assert g.has_edge("state:PRK", "state:RUS", key="ALLIED_WITH")
    assert g.has_edge("state:PRK", events[0].id, key="ACTOR")
