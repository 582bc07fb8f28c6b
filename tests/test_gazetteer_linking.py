"""Gazetteer linking: stable ids, demonyms and capitals for states, leaders with their state."""

from kg.model import EntityKind


def test_gazetteer_ids_are_stable_keys():
    from loaders.extract.gazetteer import load_gazetteer

    gz = load_gazetteer()
    assert gz.entities["state:PRK"].name == "North Korea"
    assert gz.lookup("Pyongyang").entity == "state:PRK"
    assert gz.lookup("North Korean").entity == "state:PRK"
    putin = gz.entities[gz.lookup("Vladimir Putin").entity]
    assert putin.id.startswith("person:Q") and putin.country == "RUS"


def test_capitals_and_demonyms_link_to_states(extract):
    ev = next(e for e in extract("Moscow condemned the Ukrainian attack on Kursk.") if e.type == "Condemnation")
    assert ev.actors[0].id == "state:RUS"
    assert ev.actors[0].kind is EntityKind.STATE


def test_leader_keeps_person_with_country(extract):
    ev = next(e for e in extract("Vladimir Putin thanked Kim Jong Un on Monday.") if e.type == "Praise")
    assert ev.actors[0].kind is EntityKind.PERSON and ev.actors[0].country == "RUS"
    assert ev.recipients[0].country == "PRK"
