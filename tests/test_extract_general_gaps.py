"""Mechanisms of news English that recur across our evaluation sets (issue #8 census), each on
sentences written for these tests: a named official of an international body kept beside the body,
'the army' / 'army aircraft' as the forces of a state, an armed group as a side of its own when
events merge, responsibility held or borne, and thanks expressed."""

from __future__ import annotations


def _events(extract, text, type_):
    return [e for e in extract(text) if e.type == type_]


def _names(ents):
    return [e.name for e in ents]


# -- a named official of an international body: the person, for the body ------------------------------
def test_un_chief_named_is_kept_beside_the_un(extract):
    evs = _events(extract, "UN Secretary-General António Guterres condemned the shelling of Ukraine by Russia on Tuesday.",
                  "Condemnation")
    assert evs
    names = _names(evs[0].actors)
    assert "António Guterres" in names and "United Nations" in names
    person = next(a for a in evs[0].actors if a.name == "António Guterres")
    assert person.country is None  # speaks for the UN, not for the state of his nationality


def test_official_of_a_body_named_in_apposition(extract):
    evs = _events(extract, "The head of the African Union Commission, Moussa Keita, urged Sudan to agree to a truce.",
                  "Demand")
    assert evs and set(_names(evs[0].actors)) >= {"Moussa Keita", "African Union Commission"}
    assert "Sudan" in _names(evs[0].recipients)


def test_pronoun_after_named_body_official_is_the_official(extract):
    text = "UN Secretary-General António Guterres spoke on Monday. He urged Israel to halt its strikes on Lebanon."
    evs = _events(extract, text, "Demand")
    assert evs and set(_names(evs[0].actors)) >= {"António Guterres", "United Nations"}


def test_state_minister_is_not_turned_into_a_body_official(extract):
    evs = _events(extract, "Kenyan Foreign Minister Amina Otieno condemned the attack on Somalia by al-Shabaab.", "Condemnation")
    assert evs
    assert all(a.kind.value != "Organisation" for a in evs[0].actors)
    assert any(a.country == "KEN" for a in evs[0].actors)


def test_unnamed_body_spokesperson_stays_the_body(extract):
    evs = _events(extract, "A spokesperson for the European Union urged Serbia to cooperate with the inquiry.", "Demand")
    assert evs and _names(evs[0].actors) == ["European Union"]


# -- 'the army', 'army aircraft': the forces of a state named without it ------------------------------
def test_the_army_is_the_state_whose_forces_were_last_named(extract):
    text = ("Rights groups accused Malian soldiers and foreign fighters of killing civilians near Mopti. "
            "The army denied the allegations.")
    evs = _events(extract, text, "Denial")
    assert evs and any(a.country == "MLI" for a in evs[0].actors)


def test_army_aircraft_are_the_forces_of_the_state_fighting_the_rebels(extract):
    text = ("Fighting continued between Sudan's army and the Rapid Support Forces. "
            "Army aircraft bombed RSF positions around Nyala on Sunday.")
    evs = _events(extract, text, "Attack")
    assert any(any(a.country == "SDN" for a in e.actors) and "Rapid Support Forces" in _names(e.recipients) for e in evs)


def test_the_army_of_the_speaker(extract):
    text = ("Israel struck Lebanon on Monday and said it had hit Hezbollah. "
            "Lebanese Prime Minister Karim Haddad said the army would send 1,500 more soldiers to the south.")
    evs = _events(extract, text, "Deployment")
    assert evs and all(any(a.country == "LBN" for a in e.actors) for e in evs)


def test_the_army_is_not_the_state_it_acts_on(extract):
    text = "Armenia's parliament met on Monday. The army shelled Armenia overnight, officials in Yerevan said."
    for e in _events(extract, text, "Attack"):
        assert not any(a.country == "ARM" for a in e.actors)


def test_army_aircraft_without_any_state_named_give_no_party(extract):
    assert not _events(extract, "Army aircraft bombed a bridge over the river at dawn.", "Attack")


# -- an armed group is a side of its own when events merge ---------------------------------------------
def test_rebel_attack_and_army_raid_stay_two_events(extract):
    text = ("The Sudanese army said the Rapid Support Forces had launched eleven drones at the city. "
            "Hours later, the Sudanese army bombed RSF positions around Nyala.")
    evs = _events(extract, text, "Attack")
    actors = {a.name for e in evs for a in e.actors}
    assert "Rapid Support Forces" in actors
    assert any(a.country == "SDN" and a.name != "Rapid Support Forces" for e in evs for a in e.actors)


# -- responsibility held or borne -----------------------------------------------------------------------
def test_holds_fully_responsible(extract):
    evs = _events(extract, "Iraq holds Turkey fully responsible for the consequences of the strikes.", "Accusation")
    assert evs and _names(evs[0].actors) == ["Iraq"] and _names(evs[0].recipients) == ["Turkey"]


def test_said_another_bore_responsibility(extract):
    evs = _events(extract, "China said Japan bore full responsibility for the rising tensions.", "Accusation")
    assert evs and _names(evs[0].actors) == ["China"] and _names(evs[0].recipients) == ["Japan"]


def test_bearing_no_responsibility_or_ones_own_is_no_accusation(extract):
    assert not _events(extract, "China said Japan bore no responsibility for the storm damage.", "Accusation")
    assert not _events(extract, "Japan bore full responsibility for the costs of the summit.", "Accusation")


# -- thanks expressed ------------------------------------------------------------------------------------
def test_expressed_gratitude_to_a_state(extract):
    evs = _events(extract, "Tajik President Emomali Rahmon expressed gratitude to Kyrgyzstan for its support.", "Praise")
    assert evs and _names(evs[0].recipients) == ["Kyrgyzstan"]


def test_gratitude_for_the_welcome_goes_to_the_host(extract):
    text = ("Kyrgyz President Sadyr Japarov hosted Tajik President Emomali Rahmon in Bishkek on Monday. "
            "Emomali Rahmon expressed gratitude for the warm welcome.")
    evs = _events(extract, text, "Praise")
    assert evs and "Emomali Rahmon" in _names(evs[0].actors) and "Sadyr Japarov" in _names(evs[0].recipients)


def test_appreciates_another_partys_support(extract):
    evs = _events(extract, "China appreciates Cambodia's firm support on issues of sovereignty.", "Praise")
    assert evs and _names(evs[0].recipients) == ["Cambodia"]


def test_expressed_concern_or_a_companys_thanks_are_no_praise(extract):
    assert not _events(extract, "The minister expressed concern over Russia's naval drills.", "Praise")
    assert not _events(extract, "The company expressed gratitude to its staff.", "Praise")
    assert not _events(extract, "Japan appreciates the gesture.", "Praise")
