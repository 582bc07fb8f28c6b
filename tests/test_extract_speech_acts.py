"""Speech acts told without their usual verb: threats as a coming response, denials that
characterise the claim, accusations in reported statements, judgements in quotes. Each pattern
also has sentences of ordinary narrative it must not fire on."""

import pytest

from kg.model import Polarity


def of_type(events, type_):
    return [e for e in events if e.type == type_]


def pairs(events, type_):
    return {(e.actors[0].country, e.recipients[0].country if e.recipients else None) for e in of_type(events, type_)}


# -- threats as a coming response ------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Russia warned it would respond in kind to any deployment by Poland.", ("RUS", "POL")),
    ("Turkey warned that it would act if Greece extended its territorial waters.", ("TUR", "GRC")),
    ("Iran will not hesitate to use force against Israel, the foreign minister said.", ("IRN", "ISR")),
    ("China vowed retaliation against Japan on Tuesday.", ("CHN", "JPN")),
    ("China warned of consequences if Japan sent warships to the strait.", ("CHN", "JPN")),
    ("Beijing vowed to retaliate against Washington.", ("CHN", "USA")),
    ("The Chinese foreign ministry warned that Japan would pay a heavy price.", ("CHN", "JPN")),
    ("Venezuela said it would take military action against Guyana if the drilling continued.", ("VEN", "GUY")),
    ("Israel said it reserved the right to respond to the attack by Syria.", ("ISR", "SYR")),
    ("China warned the Philippines of a decisive response.", ("CHN", "PHL")),
    ("Georgia said it would respond to the attack by Russia.", ("GEO", "RUS")),
])
def test_threat_as_coming_response(extract, text, expected):
    events = extract(text)
    assert expected in pairs(events, "Threat"), [(e.type, [a.name for a in e.actors]) for e in events]
    assert all(e.polarity is Polarity.ASSERTED for e in of_type(events, "Threat"))


def test_threat_of_a_response_without_a_named_target(extract):
    events = extract("Serbia warned that it would defend its territory if the fighting spread.")
    assert [e.actors[0].country for e in of_type(events, "Threat")] == ["SRB"]


def test_move_will_not_go_unanswered_in_a_coordinated_clause(extract):
    events = extract("Japan said the move by China was unacceptable and would not go unanswered.")
    assert ("JPN", "CHN") in pairs(events, "Threat")


def test_quoted_response_to_any_aggression(extract):
    events = extract("\"We will respond to any aggression,\" the Ukrainian defence minister said.")
    assert [e.actors[0].country for e in of_type(events, "Threat")] == ["UKR"]


@pytest.mark.parametrize("text, expected", [
    ("Nigeria announced that it will withdraw its peacekeepers from Chad unless Chad agreed to a ceasefire.",
     ("NGA", "TCD")),
    ("The minister said Kenya will not sign the deal unless Uganda withdraws its troops.", ("KEN", "UGA")),
])
def test_act_announced_on_a_condition_is_a_threat(extract, text, expected):
    assert expected in pairs(extract(text), "Threat")


@pytest.mark.parametrize("text", [
    "Germany will reopen the embassy unless France objects.",
    "The summit will go ahead unless Russia objects.",
    "Germany said the talks would fail unless Iran made concessions.",
])
def test_no_threat_in_an_ordinary_condition(extract, text):
    assert not of_type(extract(text), "Threat")


def test_vowed_a_forceful_response(extract):
    assert [e.actors[0].country for e in of_type(extract("Iran vowed a crushing response."), "Threat")] == ["IRN"]


def test_attacks_will_not_go_unanswered(extract):
    events = extract("\"Russia's cyber attacks against Lithuania will not go unanswered,\" Lithuania's foreign minister "
                     "said.")
    assert ("LTU", "RUS") in pairs(events, "Threat")


@pytest.mark.parametrize("text", [
    "Hungary said it would respond to the letter next week.",
    "Japan said it would take time to review the proposal.",
    "China warned of consequences for the global economy.",
    "Seoul said Pyongyang would retaliate against the drills.",
    "France said it would act as a mediator between the two sides.",
    "Poland responded to the request on Monday.",
    "Israel retaliated against Hezbollah positions in southern Lebanon.",
    "The minister said the government would answer questions from lawmakers.",
    "Germany will not respond to the proposal, a spokesman said.",
    "Japan warned it would take measures to protect its economy.",
    "Turkey warned that it would act.",
    "Reuters warned it would act if the court ruled against it.",
    "The IMF said Argentina's economy would face difficulties.",
    "Chile warned it would defend its record at the council.",
    "The Brazilian government promised a response.",
    "Ukraine will receive a response to its application next month, the European Commission said.",
    "The minister said Germany would pay the price of higher energy costs.",
    "The prime minister said the government would react quickly to the flooding.",
])
def test_no_threat_in_ordinary_narrative(extract, text):
    assert not of_type(extract(text), "Threat")


# -- denials that characterise the claim --------------------------------------------------------------
def test_rejected_accusation_is_a_denial(extract):
    events = extract("Morocco accused Algeria of arming the rebels. Algeria rejected the accusation.")
    assert ("DZA", "MAR") in pairs(events, "Denial")
    assert not of_type(events, "Rejection")


def test_rejected_demand_stays_a_rejection(extract):
    events = extract("Serbia demanded that Kosovo withdraw its police. Kosovo rejected the demand.")
    assert not of_type(events, "Denial")


@pytest.mark.parametrize("text, expected", [
    ("Russia called the claims groundless.", "RUS"),
    ("Moscow described the allegations as absurd fabrications.", "RUS"),
    ("The Serbian foreign ministry dismissed the reports as disinformation.", "SRB"),
    ("The claims were baseless, the Serbian foreign ministry said.", "SRB"),
    ("The Chinese foreign ministry said the accusations were groundless.", "CHN"),
    ("The Chinese foreign ministry said there was no truth to the reports.", "CHN"),
])
def test_claim_characterised_as_false_is_a_denial(extract, text, expected):
    events = extract(text)
    assert [e.actors[0].country for e in of_type(events, "Denial")] == [expected]


def test_denial_recipient_is_the_claimant(extract):
    events = extract("Kosovo accused Serbia of massing troops on the border. The claims were baseless, the Serbian "
                     "foreign ministry said.")
    assert ("SRB", "XKX") in pairs(events, "Denial") or ("SRB", "KOS") in pairs(events, "Denial")


@pytest.mark.parametrize("text", [
    "Russia called the claims important.",
    "The report was published on Monday, the Serbian foreign ministry said.",
    "The claims were not groundless, the Serbian foreign ministry said.",
    "Russia rejected the proposal.",
    "The minister described the talks as productive.",
    "The Chinese foreign ministry said there was some truth to the reports.",
])
def test_no_denial_in_ordinary_narrative(extract, text):
    assert not of_type(extract(text), "Denial")


# -- accusations in reported statements ----------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Venezuela moved troops onto the island. Guyana said the move violated the 2023 accord.", ("GUY", "VEN")),
    ("Poland said Belarus had shipped drones to Russia, a step it described as a threat to regional security.",
     ("POL", "BLR")),
    ("Estonia described Russia's deployment as a threat to regional security.", ("EST", "RUS")),
    ("Poland held Russia responsible for the sabotage.", ("POL", "RUS")),
    ("Russia was behind the cyber attack, the Polish foreign ministry said.", ("POL", "RUS")),
    ("Poland said Russia was responsible for the explosions.", ("POL", "RUS")),
])
def test_accusation_in_reported_statement(extract, text, expected):
    assert expected in pairs(extract(text), "Accusation")


@pytest.mark.parametrize("text", [
    "Georgia's defence ministry said Georgian forces had shelled rebel positions.",
    # a plain 'said' tells, it does not allege (tests/test_extract.py: 'Russia said that Ukraine shelled ...')
    "Georgia's defence ministry said Russian forces had shelled Georgian positions near Gori.",
    "Venezuela moved troops onto the island. Guyana said the decision violated no rule.",
    "Analysts described the summit as a threat to the alliance.",
    "Ukraine said Ukrainian forces had retaken the village from Russia.",
    "Georgia's defence ministry said Russian forces might shell Georgian positions.",
    "Poland said Russia was not behind the sabotage.",
    "The storm was behind the delays, Polish officials said.",
    "The minister said Poland was responsible for its own security.",
])
def test_no_accusation_in_ordinary_narrative(extract, text):
    assert not of_type(extract(text), "Accusation")


# -- quoted judgements ----------------------------------------------------------------------------------
def test_quoted_verdict_on_a_partys_conduct_is_a_condemnation(extract):
    events = extract("\"Iran's continued military support to Russia's war is unacceptable,\" the German foreign "
                     "minister told reporters.")
    assert ("DEU", "IRN") in pairs(events, "Condemnation")


def test_quoted_verdict_on_the_act_just_told(extract):
    events = extract("Russia fired missiles at Kyiv on Monday. \"This is unacceptable,\" the French foreign minister "
                     "said.")
    assert ("FRA", "RUS") in pairs(events, "Condemnation")


@pytest.mark.parametrize("text", [
    "\"The weather is unacceptable,\" the French foreign minister said.",
    "Russia fired missiles at Kyiv on Monday. \"This is important,\" the French foreign minister said.",
    "France sent troops to Mali. \"This is unacceptable,\" the French foreign minister said.",
    "Russia fired missiles at Kyiv on Monday. \"This is not unacceptable,\" the French foreign minister said.",
])
def test_no_condemnation_without_a_party_judged(extract, text):
    assert not of_type(extract(text), "Condemnation")


# -- meetings that only date what is told -------------------------------------------------------------
def test_meeting_as_time_reference_is_no_event(extract):
    events = extract("The two ministers agreed to coordinate their positions ahead of an African Union meeting later "
                     "this month.")
    assert not of_type(events, "Meeting")


def test_meeting_named_with_its_parties_stays(extract):
    assert of_type(extract("Putin met Xi in Beijing ahead of a meeting of BRICS leaders."), "Meeting")
    assert of_type(extract("NATO held a summit in Vilnius."), "Meeting")


def test_threat_by_the_speakers_state_named_by_description(extract):
    events = extract("The European Union imposed sanctions on Iran. Iran's foreign ministry spokesman said the "
                     "Islamic Republic would respond proportionately to the decision.")
    assert ("IRN", "EUE") in pairs(events, "Threat") or any(
        e.actors[0].country == "IRN" and e.recipients and e.recipients[0].name == "European Union"
        for e in of_type(events, "Threat"))


def test_blamed_for_what_it_described_as_a_threat(extract):
    events = extract("The Japanese foreign ministry criticised China for what it described as a threat to regional "
                     "stability.")
    assert ("JPN", "CHN") in pairs(events, "Accusation")


def test_the_ministry_refers_back_to_the_ministry_named_with_its_state(extract):
    events = extract("Serbia's defence ministry gave a different account. It said the border was calm. The ministry "
                     "dismissed the Croatian statement as disinformation.")
    assert ("SRB", "HRV") in pairs(events, "Denial")
    assert not of_type(extract("The ministry dismissed the statement as disinformation."), "Denial")


# -- 'both sides': the two parties the article is about --------------------------------------------
def test_a_call_on_both_sides_goes_to_the_two_parties_of_the_story(extract):
    text = ("Ethiopian troops clashed with Eritrean forces near the border on Monday. "
            "Ethiopia said Eritrea had started the fighting, and Eritrea blamed Ethiopia. "
            "The African Union urged both sides to stop the fighting.")
    demands = [e for e in of_type(extract(text), "Demand") if e.actors[0].id == "org:au"]
    assert {r.country for e in demands for r in e.recipients} == {"ETH", "ERI"}


def test_both_sides_with_one_party_named_finds_no_pair(extract):
    text = "Ethiopian troops moved north on Monday. The African Union urged both sides to show restraint."
    demands = [e for e in of_type(extract(text), "Demand") if e.actors[0].id == "org:au"]
    assert len({r.country for e in demands for r in e.recipients}) < 2
