"""The seed article (North Korean troops in Russia): every event the issue lists, with the right
actor and recipient, and no more than two events that are not there. Real spaCy, no mocks."""

import datetime as dt
import json
from pathlib import Path

import pytest

from kg.model import Article, Polarity

SEED = Path(__file__).resolve().parent.parent / "seeds" / "north-korea-troops-russia"


@pytest.fixture(scope="module")
def seed(extractor):
    meta = json.loads(SEED.with_suffix(".meta.json").read_text(encoding="utf-8"))
    art = Article(id="seed", text=SEED.with_suffix(".txt").read_text(encoding="utf-8"),
                  published=dt.date.fromisoformat(meta["published"]))
    return art, extractor.extract_one(art).events


def states(ents):
    return {e.country for e in ents}


def find(events, type_, actor, recipient=None):
    hits = [e for e in events if e.type == type_ and actor in states(e.actors)
            and (recipient is None or recipient in states(e.recipients))]
    assert hits, f"no {type_} {actor} -> {recipient}: {[(e.type, [a.name for a in e.actors]) for e in events]}"
    return hits[0]


def test_deployment_merged_with_count_and_side(seed):
    _, events = seed
    deployments = [e for e in events if e.type == "Deployment"]
    assert len(deployments) == 1
    dep = find(events, "Deployment", "PRK", "RUS")
    assert len(dep.mentions) >= 3
    assert dep.attributes["troops"] == 14000
    assert dep.attributes.get("reinforcements") == 3000
    assert dep.attributes["supports"] == "RUS"
    assert (dep.plover_type, dep.cameo) == ("AID", "074")  # troops sent to fight alongside: when_supporting


def test_seizure_is_a_recapture_from_ukraine(seed):
    _, events = seed
    seizure = find(events, "Seizure", "RUS", "UKR")
    assert seizure.attributes["recapture"] is True


def test_reactions_and_their_targets(seed):
    _, events = seed
    find(events, "Condemnation", "USA", "PRK")
    find(events, "Condemnation", "KOR", "PRK")
    find(events, "Demand", "USA")
    find(events, "Accusation", "USA", "RUS")
    find(events, "Denial", "UKR", "RUS")
    praise = find(events, "Praise", "RUS", "PRK")
    assert "Vladimir Putin" in {a.name for a in praise.actors}
    assert praise.date == dt.date(2025, 4, 28)


def test_agreement_aid_attack_meeting(seed):
    _, events = seed
    agreement = find(events, "Agreement", "PRK", "RUS")
    assert (agreement.date, agreement.date_text) == (dt.date(2024, 1, 1), "last year")
    aid = find(events, "MilitaryAid", "PRK", "RUS")
    assert any("missiles" in w for w in aid.attributes["weapons"])
    attack = find(events, "Attack", "UKR", "PRK")
    assert attack.attributes["killed"] == 25
    assert attack.date == dt.date(2025, 4, 24)
    assert any("Kursk" in p.name for p in attack.places)
    meeting = find(events, "Meeting", "PRK", "RUS")
    assert meeting.polarity is Polarity.PLANNED


def test_at_most_two_events_beyond_the_expected(seed):
    _, events = seed
    expected = json.loads(Path(f"{SEED}.expected.json").read_text(encoding="utf-8"))
    assert len(events) <= len(expected) + 2


def test_mentions_point_at_their_sentences(seed):
    art, events = seed
    for ev in events:
        for m in ev.mentions:
            assert art.text[m.start : m.end] == m.sentence
            assert m.article == "seed"
