"""Gaps the PETR-2 validation sentences pointed at, as patterns of news English (sentences of our own):
help a party says it will not give is a rejection of that party; a state's warning against travel to
another state reduces relations with it; 'took part in' takes no ground; a name after a person's title
is the person's (in lowercase too, and before a town of the same name). Each pattern also has
sentences it must not fire on."""

import datetime as dt

import pytest

from kg.model import Polarity


def of_type(events, type_):
    return [e for e in events if e.type == type_]


def pairs(events, type_):
    return {(e.actors[0].country, e.recipients[0].country if e.recipients else None) for e in of_type(events, type_)}


def show(events):
    return [(e.type, [a.name for a in e.actors], [r.name for r in e.recipients], e.polarity.name) for e in events]


# -- a stated refusal of help rejects the party refused (CAMEO 12) ---------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Canada said it would not provide support to Venezuela.", ("CAN", "VEN")),
    ("Brazil will not help Argentina, Brazil's foreign minister said.", ("BRA", "ARG")),
    ("Egypt said it would not give permission to Ethiopia to fill the reservoir.", ("EGY", "ETH")),
    ("Kenya won't give Somalia any more loans.", ("KEN", "SOM")),
])
def test_refused_help_is_a_rejection(extract, text, expected):
    events = extract(text)
    assert pairs(events, "Rejection") == {expected}, show(events)
    rejection = of_type(events, "Rejection")[0]
    assert rejection.cameo.startswith("12") and rejection.plover_type == "REJECT"
    assert rejection.polarity is Polarity.ASSERTED


def test_refused_arms_keep_the_denied_transfer(extract):
    events = extract("Poland said it would not send tanks to Hungary.")
    assert pairs(events, "Rejection") == {("POL", "HUN")}, show(events)
    assert [e.polarity for e in of_type(events, "MilitaryAid")] == [Polarity.DENIED]


@pytest.mark.parametrize("text", [
    "Brazil did not help Argentina during the crisis.",  # a past fact, no refusal
    "Canada said Mexico would not provide support to Venezuela.",  # a forecast about a third party
    "Brazil will not help Argentina, Chile's foreign minister said.",  # told by another state
    "Brazil would not help Argentina if the talks failed.",  # a condition
    "Canada said it would provide support to Venezuela.",  # no negation
    "Canada will not support the resolution.",  # no party refused
    "Poland will not send troops to Poland's border.",  # the doer's own state
])
def test_no_rejection_without_a_stated_refusal_of_a_party(extract, text):
    events = extract(text)
    assert not of_type(events, "Rejection"), show(events)


# -- a travel warning reduces relations with the state warned against (CAMEO 160) --------------------
@pytest.mark.parametrize("text, expected", [
    ("The Canadian foreign ministry advised against all travel to Haiti.", ("CAN", "HTI")),
    ("Australia warned its citizens against travel to Myanmar on Friday.", ("AUS", "MMR")),
    ("France urged its nationals to avoid travel to Niger.", ("FRA", "NER")),
    ("Japan has advised against trips to Caracas after the unrest.", ("JPN", "VEN")),
])
def test_travel_warning_reduces_relations(extract, text, expected):
    events = extract(text)
    assert pairs(events, "ReduceRelations") == {expected}, show(events)
    assert of_type(events, "ReduceRelations")[0].cameo == "160"
    # the warning is to the state's own citizens: no threat or demand made of anyone
    assert not of_type(events, "Threat") and not of_type(events, "Demand"), show(events)


@pytest.mark.parametrize("text", [
    "The airline advised against travel to Haiti.",  # no state advises
    "Canada did not advise against travel to Haiti.",
    "Australia warned Myanmar against any attack on its citizens.",  # a warning to a state, not about travel
    "Kenya advised against travel to Mombasa during the floods.",  # a place of its own
])
def test_no_travel_warning(extract, text):
    events = extract(text)
    assert not of_type(events, "ReduceRelations"), show(events)


def test_warning_to_a_state_stays_a_threat(extract):
    events = extract("Australia warned Myanmar against any attack on its citizens.")
    assert ("AUS", "MMR") in pairs(events, "Threat"), show(events)


# -- 'took part in' is no seizure ---------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Chadian soldiers took part in the fighting in Sudan.",
    "Eritrean troops actively took part in the offensive, the report said.",
])
def test_taking_part_seizes_nothing(extract, text):
    assert not of_type(extract(text), "Seizure"), show(extract(text))


@pytest.mark.parametrize("text", [
    "Russian forces took part of the town from Ukraine.",
    "Sudanese troops took a large part of the region.",
])
def test_taking_part_of_a_place_is_a_seizure(extract, text):
    assert of_type(extract(text), "Seizure"), show(extract(text))


# -- a name after a person's title -------------------------------------------------------------------
def test_lowercase_name_after_a_title_is_the_known_person(extract):
    events = extract("President putin criticised Ukraine on Monday.")
    assert [(e.actors[0].name, e.actors[0].country) for e in of_type(events, "Condemnation")] == [
        ("Vladimir Putin", "RUS")], show(events)


def test_lowercase_word_without_a_title_is_no_one(extract):
    events = extract("The putin doll criticised nobody.")
    assert not events, show(events)


def test_titled_surname_that_is_also_a_town_is_the_person(extract):
    # 'Bush' is also a town in Egypt in the gazetteer; after 'President' it is a person
    events = extract("President Bush met Chancellor Schroeder in Berlin.", published=dt.date(2003, 5, 2))
    meetings = of_type(events, "Meeting")
    assert meetings, show(events)
    actor = meetings[0].actors[0]
    assert actor.kind.value == "Person" and actor.name == "Bush", show(events)
    assert actor.country is None  # a title and a surname do not tell which state's president


def test_town_without_a_title_stays_a_place(extract):
    events = extract("Egyptian troops shelled Bush on Monday.")
    assert all(a.kind.value != "Person" for e in events for a in e.actors + e.recipients), show(events)
    assert any(p.name for e in of_type(events, "Attack") for p in e.places), show(events)


def test_titled_surname_takes_the_state_named_with_the_title(extract):
    events = extract("President Okonjo of Nigeria met the Spanish prime minister.")
    meetings = of_type(events, "Meeting")
    assert [(m.actors[0].name, m.actors[0].country) for m in meetings] == [("Okonjo", "NGA")], show(events)


# -- a state's name in the wrong case ------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("the united states sanctioned iran on Tuesday.", ("Sanction", "USA", "IRN")),
    ("Egypt condemned iSrael for the raid.", ("Condemnation", "EGY", "ISR")),
])
def test_miscased_state_names_are_the_states(extract, text, expected):
    events = extract(text)
    assert (expected[1], expected[2]) in pairs(events, expected[0]), show(events)


def test_capitals_of_a_dateline_are_no_miscased_name(extract):
    # an upper-case dateline names where the story was filed, not a party
    events = extract("KUALA LUMPUR, May 3 (geokg) - Laos and Vietnam signed a border agreement on Friday.")
    assert all(a.country != "MYS" for e in events for a in e.actors + e.recipients), show(events)


def test_lowercase_common_noun_is_no_state(extract):
    events = extract("Farmers in Egypt sold turkey and chad fish to Sudan.")
    assert all(a.country not in ("TUR", "TCD") for e in events for a in e.actors + e.recipients), show(events)


# -- helping a party is aid (PLOVER AID; an intention to help is CAMEO 033) ----------------------------
def test_helping_a_party_is_aid(extract):
    events = extract("Japan helped Indonesia after the earthquake.")
    assert pairs(events, "Aid") == {("JPN", "IDN")}, show(events)
    assert of_type(events, "Aid")[0].plover_type == "AID"


@pytest.mark.parametrize("text, expected", [
    ("Japan wants to help Indonesia after the earthquake.", ("JPN", "IDN")),
    ("China is ready to assist Pakistan with the dam.", ("CHN", "PAK")),
])
def test_intending_to_help_a_party_is_an_intention_to_aid(extract, text, expected):
    events = extract(text)
    assert pairs(events, "Aid") == {expected}, show(events)
    assert [e.cameo for e in of_type(events, "Aid")] == ["033"], show(events)


@pytest.mark.parametrize("text", [
    "France sent troops to help Mali.",  # the help is what the sending is for: a deployment, not aid besides
    "Turkey helped negotiate the deal.",  # no party helped
    "The report helps explain the crisis in Sudan.",
])
def test_no_aid_from_help_without_a_party_helped_in_its_own_right(extract, text):
    events = extract(text)
    assert not of_type(events, "Aid"), show(events)


# -- wanting another party to act asks it to ---------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Germany wants Serbia to recognise Kosovo.", ("DEU", "SRB")),
    ("Japan wants China to stop the drills near Taiwan.", ("JPN", "CHN")),
])
def test_wanting_another_party_to_act_is_a_demand_of_it(extract, text, expected):
    events = extract(text)
    assert pairs(events, "Demand") == {expected}, show(events)


def test_the_act_wanted_of_another_is_not_asserted(extract):
    events = extract("Egypt wants Sudan to attack the rebels.")
    assert pairs(events, "Demand") == {("EGY", "SDN")}, show(events)
    assert all(e.polarity is not Polarity.ASSERTED for e in of_type(events, "Attack")), show(events)


@pytest.mark.parametrize("text", [
    "Russia wants to attack Ukraine.",  # its own act: an intention
    "France does not want Germany to leave the union.",
    "Germany wants its ambassador to return to Serbia.",  # its own official
    "Washington wants talks with Tehran.",
])
def test_no_demand_without_another_party_wanted_to_act(extract, text):
    events = extract(text)
    assert not of_type(events, "Demand"), show(events)
