"""derive_relations on hand-built events: stance from the taxonomy, weights, windows, alliances."""

from __future__ import annotations

import datetime as dt

from kg.model import Entity, EntityKind, Event, Mention, Office, Polarity
from kg.ontology import taxonomy
from kg.relations import ALLIED_WITH, OPPOSES, SUPPORTS, derive_relations, stance
from kg.states import state_entity


def state(iso: str) -> Entity:
    return state_entity(iso)


def ev(etype: str, actor: str | Entity, recipient: str | Entity, day: str | None, *, supporting: bool = False,
       polarity: Polarity = Polarity.ASSERTED, sentence: str = "", article: str = "a-1", reported: str | None = None) -> Event:
    coding = taxonomy()[etype].coding_for(supporting)
    a = actor if isinstance(actor, Entity) else state(actor)
    r = recipient if isinstance(recipient, Entity) else state(recipient)
    return Event(
        type=etype,
        actors=(a,),
        recipients=(r,),
        plover_type=coding.plover,
        plover_mode=coding.mode,
        cameo=coding.cameo,
        score=coding.score,
        date=dt.date.fromisoformat(day) if day else None,
        reported=dt.date.fromisoformat(reported) if reported else None,
        polarity=polarity,
        mentions=(Mention(article, sentence or f"{etype} {a.name} {r.name}", 0, 10),),
    )


def by_key(rels):
    return {(r.kind, r.source.id, r.target.id): r for r in rels}


def test_stance_follows_the_chosen_coding():
    assert stance(ev("Deployment", "PRK", "RUS", "2025-04-28", supporting=True)) == "supports"
    assert stance(ev("Deployment", "RUS", "UKR", "2025-04-28")) == "opposes"
    assert stance(ev("Meeting", "RUS", "PRK", "2025-04-28")) == "engages"
    assert stance(Event(type="NoSuchType", actors=(state("RUS"),))) is None


def test_supports_opposes_and_weights():
    events = [
        ev("Deployment", "PRK", "RUS", "2024-10-10", supporting=True),  # AID military, +10
        ev("MilitaryAid", "PRK", "RUS", "2024-11-01"),  # +10
        ev("Condemnation", "USA", "PRK", "2024-10-20"),  # -2
        ev("Condemnation", "KOR", "PRK", "2024-10-21"),  # -2
        ev("Demand", "USA", "PRK", "2024-10-22"),  # score 0 -> weight floor 1
        ev("Condemnation", "USA", "PRK", "2024-10-20", polarity=Polarity.DENIED),  # not asserted: ignored
    ]
    rels = by_key(derive_relations(events))
    sup = rels[(SUPPORTS, "state:PRK", "state:RUS")]
    assert sup.weight == 20.0 and sup.count == 2
    assert sup.first == dt.date(2024, 10, 10) and sup.last == dt.date(2024, 11, 1)
    assert sup.event_ids == tuple(sorted(e.id for e in events[:2]))
    opp = rels[(OPPOSES, "state:USA", "state:PRK")]
    assert opp.weight == 3.0 and opp.count == 2
    assert rels[(OPPOSES, "state:KOR", "state:PRK")].weight == 2.0
    assert not any(k[0] == ALLIED_WITH for k in rels)  # one-way support, no treaty
    assert len(rels) == 3


def test_alliance_by_mutual_support_and_by_treaty():
    mutual = [ev("MilitaryAid", "PRK", "RUS", "2024-11-01"), ev("Praise", "RUS", "PRK", "2025-04-28")]
    rels = by_key(derive_relations(mutual))
    ally = rels[(ALLIED_WITH, "state:PRK", "state:RUS")]
    assert ally.weight == 15.0 and ally.count == 2
    assert ally.first == dt.date(2024, 11, 1) and ally.last == dt.date(2025, 4, 28)

    treaty = [ev("MilitaryAid", "PRK", "RUS", "2024-11-01"), ev("Agreement", "RUS", "PRK", "2024-06-19")]
    rels = by_key(derive_relations(treaty))
    ally = rels[(ALLIED_WITH, "state:PRK", "state:RUS")]
    # a signed treaty scores as PLOVER SUPPORT (+5), military aid +10
    assert ally.weight == 15.0 and ally.count == 2
    # a treaty alone is engagement, not support, and gives no relation
    assert derive_relations(treaty[1:]) == []


def test_window_and_undated_events():
    events = [
        ev("Condemnation", "USA", "PRK", "2024-01-05"),
        ev("Condemnation", "USA", "PRK", "2024-03-05"),
        ev("Condemnation", "USA", "PRK", None, reported="2024-02-01"),
        ev("Condemnation", "USA", "PRK", None, article="a-2"),
    ]
    assert derive_relations(events)[0].count == 4  # without a window every event counts, dated or not
    win = derive_relations(events, since=dt.date(2024, 1, 10), until=dt.date(2024, 3, 5))
    assert [r.count for r in win] == [2]
    assert win[0].first == dt.date(2024, 2, 1)


def test_people_and_organs_map_to_their_state_once_per_dyad():
    putin = Entity(id="person:putin", name="Vladimir Putin", kind=EntityKind.PERSON,
                   offices=(Office(office="president", title="President of Russia", role="head_of_state",
                                    state="RUS", start="2012-05-07"),))
    kcna = Entity(id="org:kcna", name="KCNA", kind=EntityKind.ORGANISATION, country="PRK")
    e = Event(type="Praise", actors=(putin, state("RUS")), recipients=(kcna, state("PRK")), plover_type="SUPPORT",
              score=5.0, date=dt.date(2025, 4, 28))
    rels = derive_relations([e])
    assert [(r.kind, r.source.id, r.target.id, r.weight) for r in rels] == [(SUPPORTS, "state:RUS", "state:PRK", 5.0)]


def test_deterministic_order():
    events = [ev("Condemnation", "USA", "PRK", "2024-01-05"), ev("MilitaryAid", "PRK", "RUS", "2024-11-01"),
              ev("Sanction", "USA", "RUS", "2024-02-01")]
    a = derive_relations(events)
    b = derive_relations(list(reversed(events)))
    assert a == b
    assert [(r.kind, r.source.id, r.target.id) for r in a] == [
        (SUPPORTS, "state:PRK", "state:RUS"), (OPPOSES, "state:USA", "state:RUS"), (OPPOSES, "state:USA", "state:PRK")]


def test_relation_types_are_the_types_that_can_make_a_relation():
    from kg.relations import relation_types

    types = relation_types()
    assert {"MilitaryAid", "Deployment", "Attack", "Condemnation", "Praise", "Agreement", "Cooperation"} <= types
    assert not {"Meeting", "Statement"} & types
    # every event type outside the set makes no relation, whatever its parties
    for name in set(taxonomy().types) - types:
        assert derive_relations([ev(name, "PRK", "RUS", "2025-01-01")]) == []
