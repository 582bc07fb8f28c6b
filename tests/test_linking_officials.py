"""Officials linked to the state or body they speak for, and states given by a demonym on the
agent noun. Invented sentences, real spaCy; assertions on actor and recipient ids."""

import datetime as dt

import pytest

from kg.relations import event_dyads


def _one(events, type_):
    found = [e for e in events if e.type == type_]
    assert found, [(e.type, [a.id for a in e.actors]) for e in events]
    return found[0]


def test_unknown_minister_with_shared_demonym_acts_for_the_state_the_article_names(extract):
    evs = extract("The Democratic Republic of the Congo raised the matter at the council on Monday. "
                  "Congolese Foreign Minister Jean Dupont urged Rwanda to withdraw its troops.")
    ev = _one(evs, "Demand")
    assert ev.actors[0].country == "COD"
    assert [r.id for r in ev.recipients] == ["state:RWA"]


def test_ambassador_to_a_body_acts_for_the_state_that_sends_them(extract):
    ev = _one(extract("Rwanda's ambassador to the United Nations, Jane Doe, accused Burundi of lying."), "Accusation")
    assert ev.actors[0].country == "RWA"
    assert [r.id for r in ev.recipients] == ["state:BDI"]


def test_state_named_after_the_name_of_a_new_minister(extract):
    ev = _one(extract("Defence Minister Peter Omondi of Kenya condemned Somalia on Monday."), "Condemnation")
    assert ev.actors[0].country == "KEN"
    assert [r.id for r in ev.recipients] == ["state:SOM"]


def test_unnamed_spokesperson_for_a_body(extract):
    ev = _one(extract("In Brussels, a spokesperson for the EU's foreign service urged Armenia to exercise restraint."),
              "Demand")
    assert [a.id for a in ev.actors] == ["org:eu"]
    assert [r.id for r in ev.recipients] == ["state:ARM"]


def test_known_head_of_an_international_body_acts_for_it_not_for_their_nationality(extract):
    ev = _one(extract("UN Secretary-General Antonio Guterres urged Thailand to implement the accord."), "Demand")
    # the body, and the person named beside it; the person counts for no state (not Portugal)
    assert sorted(a.id for a in ev.actors) == ["org:un", "person:Q311440"]
    assert all(a.country is None for a in ev.actors)
    assert [r.id for r in ev.recipients] == ["state:THA"]
    assert event_dyads(ev) == []


def test_official_with_a_state_career_too_acts_for_the_body_or_the_state_of_the_day(extract):
    # Rutte was Dutch prime minister before NATO: the person is named beside NATO in his NATO years
    # and beside the Netherlands in his state years, and only the latter count for a state
    ev = _one(extract("NATO Secretary General Mark Rutte urged Russia to withdraw its troops."), "Demand")
    assert sorted(a.id for a in ev.actors) == ["org:nato", "person:Q57792"]
    assert all(a.country is None for a in ev.actors if a.id.startswith("person:"))
    assert event_dyads(ev) == []
    old = _one(extract("Dutch Prime Minister Mark Rutte urged Russia to withdraw its troops.",
                       published=dt.date(2019, 3, 1)), "Demand")
    assert sorted(a.id for a in old.actors) == ["person:Q57792", "state:NLD"]
    assert event_dyads(old) == [("NLD", "RUS")]


def test_between_offices_such_a_person_counts_for_no_state(extract):
    # Tusk between the European Council (to 2019) and the Polish premiership (from December 2023)
    ev = _one(extract("Donald Tusk urged Russia to withdraw its troops.", published=dt.date(2021, 6, 1)), "Demand")
    assert [a.id for a in ev.actors] == ["person:Q946"]
    assert event_dyads(ev) == []


def test_an_official_named_beside_a_body_is_one_side_of_a_meeting(extract):
    ev = _one(extract("UN Secretary-General Antonio Guterres met Ukrainian President Volodymyr Zelensky in Kyiv.",
                      published=dt.date(2024, 3, 1)), "Meeting")
    assert sorted(a.id for a in ev.actors) == ["org:un", "person:Q311440"]
    assert [r.name for r in ev.recipients] == ["Volodymyr Zelensky"]


def test_unknown_envoy_of_a_body_and_her_pronoun(extract):
    evs = extract("UN envoy Jane Doe condemned Russia on Monday. She urged Moscow to withdraw its forces.")
    assert sorted(a.id for a in _one(evs, "Condemnation").actors) == ["org:un", "person:jane-doe"]
    demand = _one(evs, "Demand")
    assert sorted(a.id for a in demand.actors) == ["org:un", "person:jane-doe"]
    assert [r.id for r in demand.recipients] == ["state:RUS"]


def test_known_state_official_keeps_their_office(extract):
    ev = _one(extract("Vladimir Putin thanked Kim Jong Un on Monday."), "Praise")
    assert ev.actors[0].id.startswith("person:") and ev.actors[0].country == "RUS"


def test_foreign_ministry_spokesman_is_the_state_the_article_is_about(extract):
    ev = _one(extract("Kenya's president spoke on Monday. Kenya has closed the border. "
                      "The foreign ministry spokesman condemned Somalia for the attack."), "Condemnation")
    assert [a.id for a in ev.actors] == ["state:KEN"]
    assert [r.id for r in ev.recipients] == ["state:SOM"]


def test_ministry_spokeswoman_in_a_capital_is_that_state_not_the_one_she_condemns(extract):
    ev = _one(extract("Estonia expelled a Russian diplomat on Monday. Estonia said the diplomat had spied. "
                      "The foreign ministry spokeswoman in Moscow condemned Estonia."), "Condemnation")
    assert [a.id for a in ev.actors] == ["state:RUS"]
    assert [r.id for r in ev.recipients] == ["state:EST"]


def test_demonym_on_the_fire_that_hits(extract):
    ev = _one(extract("Cambodian rocket fire hit a Thai village on Sunday."), "Attack")
    assert [a.id for a in ev.actors] == ["state:KHM"]
    assert [r.id for r in ev.recipients] == ["state:THA"]


def test_demonym_on_troops(extract):
    ev = _one(extract("Azerbaijani troops attacked Armenian positions near the border."), "Attack")
    assert [a.id for a in ev.actors] == ["state:AZE"]
    assert [r.id for r in ev.recipients] == ["state:ARM"]


def test_it_continues_the_subject_of_the_sentence_before(extract):
    evs = extract("Georgia's defence ministry said Russian units had used mortars in the attack. "
                  "It accused Moscow of seeking to derail peace talks.")
    ev = _one(evs, "Accusation")
    assert [a.id for a in ev.actors] == ["state:GEO"]
    assert [r.id for r in ev.recipients] == ["state:RUS"]


def test_it_after_the_ministry_is_the_ministry_s_state_not_the_state_last_named(extract):
    evs = extract("Chile's Foreign Ministry on Tuesday accused Peru of violating the treaty. "
                  "In a statement, the ministry said Peru's measures were a breach of the accord. "
                  "It called on the Peruvian government to return to talks.")
    demand = _one(evs, "Demand")
    assert [a.id for a in demand.actors] == ["state:CHL"]
    assert [r.id for r in demand.recipients] == ["state:PER"]


def test_it_keeps_the_last_one_named_when_the_sentence_before_has_no_such_subject(extract):
    evs = extract("Russia said it would respond. Kazakhstan condemned the move. It urged Moscow to refrain from escalation.")
    ev = _one(evs, "Demand")
    assert [a.id for a in ev.actors] == ["state:KAZ"]
    assert [r.id for r in ev.recipients] == ["state:RUS"]


def test_spokesman_for_its_ministry_and_his_pronoun(extract):
    evs = extract("Kenya rejected the accusation. A spokesman for its foreign ministry told reporters that the "
                  "claims were false. He urged Somalia to drop its claims.")
    ev = _one(evs, "Demand")
    assert [a.id for a in ev.actors] == ["state:KEN"]
    assert [r.id for r in ev.recipients] == ["state:SOM"]


def test_the_militant_group_is_the_armed_group_not_the_last_organisation(extract):
    evs = extract("Hamas met officials of the United Nations on Monday. The militant group accused Israel of "
                  "blocking aid convoys.")
    ev = _one(evs, "Accusation")
    assert [a.id for a in ev.actors] == ["org:hamas"]
    assert [r.id for r in ev.recipients] == ["state:ISR"]


def test_capital_after_in_is_the_city_not_a_party(extract):
    evs = extract("Armenia and Azerbaijan traded accusations on Monday. In Brussels, a spokesperson for the EU's "
                  "foreign service urged both sides to exercise restraint.")
    demands = [e for e in evs if e.type == "Demand"]
    assert demands and all([a.id for a in e.actors] == ["org:eu"] for e in demands)
    assert {r.id for e in demands for r in e.recipients} == {"state:ARM", "state:AZE"}


def test_capital_as_subject_still_stands_for_the_state(extract):
    ev = _one(extract("Moscow condemned the Ukrainian attack on Kursk."), "Condemnation")
    assert [a.id for a in ev.actors] == ["state:RUS"]


def test_she_is_not_the_man_named_in_her_apposition(extract):
    evs = extract("Kim Yo Jong, the powerful sister of leader Kim Jong Un, said the allies were playing with fire. "
                  "She denounced Washington for sending a carrier to the peninsula.")
    ev = _one(evs, "Condemnation")
    assert [a.id for a in ev.actors] == ["person:kim-yo-jong"] or ev.actors[0].name == "Kim Yo Jong"
    assert [r.id for r in ev.recipients] == ["state:USA"]


def test_he_continues_the_subject_of_the_sentence_before(extract):
    evs = extract("Vladimir Putin met Kim Jong Un in Pyongyang. He thanked Kim for his support.")
    ev = _one(evs, "Praise")
    assert ev.actors[0].name == "Vladimir Putin"
    assert ev.recipients[0].name == "Kim Jong Un"


def test_unknown_president_of_the_state_the_article_is_about(extract):
    evs = extract('Guyana on Wednesday accused Venezuela of moving troops. "We call on Venezuela to reverse this '
                  'escalation," President Jane Roe said in an address.')
    ev = _one(evs, "Demand")
    assert ev.actors[0].country == "GUY"
    assert [r.id for r in ev.recipients] == ["state:VEN"]


def test_unknown_ministry_spokesman_is_of_the_state_the_article_is_about(extract):
    evs = extract("Tehran swiftly dismissed the move. Foreign ministry spokesman Jon Smith denied that Iran had "
                  "sent any missiles to Russia.")
    denials = [e for e in evs if e.type == "Denial"]
    assert denials and all(e.actors[0].country == "IRN" for e in denials)


def test_a_capital_whose_city_has_a_hyphenated_alias_still_names_the_state():
    from loaders.extract.gazetteer import load_gazetteer

    gz = load_gazetteer()
    assert gz.lookup("Phnom Penh").entity == "state:KHM"
    assert gz.lookup("Kuala Lumpur").entity == "state:MYS"


def test_capital_metonym_denies_for_its_state(extract):
    evs = extract("Thai jets struck Cambodian positions on Sunday. Phnom Penh said its forces had acted in "
                  "self-defence and denied targeting civilians.")
    ev = _one(evs, "Denial")
    assert [a.id for a in ev.actors] == ["state:KHM"]


def test_the_north_is_the_north_state_the_article_names(extract):
    evs = extract("North Korea fired two missiles on Monday. South Korea's Unification Ministry urged the North "
                  "to refrain from provocations.")
    ev = _one(evs, "Demand")
    assert ev.actors[0].country == "KOR"
    assert [r.id for r in ev.recipients] == ["state:PRK"]
    evs = extract("Sudan and South Sudan traded accusations. Khartoum accused the South of arming rebels.")
    ev = _one(evs, "Accusation")
    assert [a.id for a in ev.actors] == ["state:SDN"] and [r.id for r in ev.recipients] == ["state:SSD"]


def test_unknown_minister_is_of_the_state_that_acts_not_the_one_quoted_or_acted_on(extract):
    evs = extract('Latvia on Tuesday expelled a Belarusian diplomat. Belarus\'s consul was summoned. '
                  '"Belarus\'s attacks against Latvia will not go unanswered," Foreign Minister Jon Smith said. '
                  '"We demand that Minsk stop its sabotage," Smith added.')
    ev = _one(evs, "Demand")
    assert ev.actors[0].country == "LVA"
    assert [r.id for r in ev.recipients] == ["state:BLR"]


def test_envoy_for_a_state_is_of_the_body_that_sends_them(extract):
    for text in ("The UN special envoy for Syria, Jane Doe, condemned Israel on Monday.",
                 "UN envoy for Syria Jane Doe condemned Israel on Monday.",
                 "The UN special envoy for Syria condemned Israel on Monday."):
        ev = _one(extract(text), "Condemnation")
        # the body (with the envoy beside it when named in apposition), never Syria
        assert "org:un" in [a.id for a in ev.actors], text
        assert all(a.id in ("org:un", "person:jane-doe") and a.country is None for a in ev.actors), text
        assert [r.id for r in ev.recipients] == ["state:ISR"], text
    named = _one(extract("The UN special envoy for Syria, Jane Doe, condemned Israel on Monday."), "Condemnation")
    assert sorted(a.id for a in named.actors) == ["org:un", "person:jane-doe"]


def test_spokesman_for_a_state(extract):
    ev = _one(extract("A spokesman for Qatar condemned Israel on Monday."), "Condemnation")
    assert [a.id for a in ev.actors] == ["state:QAT"]


@pytest.fixture(scope="module")
def mentions():
    from loaders.extract.gazetteer import load_gazetteer
    from loaders.extract.mentions import Mentions, build_matcher
    from loaders.extract.nlp import load_nlp

    nlp = load_nlp()
    gz = load_gazetteer()
    matcher = build_matcher(nlp, gz)

    def run(text):
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name == "geokg_events":
                break
            doc = proc(doc)
        return doc, Mentions(doc, gz, matcher, dt.date(2025, 4, 28))

    return run


def _at(doc, phrase):
    start = doc.text.index(phrase)
    return doc.char_span(start, start + len(phrase), alignment_mode="expand").start


def test_sides_are_the_two_parties_the_article_is_about(mentions):
    doc, m = mentions("Fighting between Peru and Ecuador flared on Monday. Ecuadorian troops shelled a Peruvian post, "
                      "Lima said. Quito denied the claim. Chile and Brazil offered to mediate. In Geneva, a UN "
                      "spokesperson urged both sides to hold their fire.")
    assert {e.id for e in m.sides(_at(doc, "both sides"))} == {"state:PER", "state:ECU"}


def test_an_armed_group_is_a_side_against_the_army_of_its_state(mentions):
    doc, m = mentions("Sudan's army said it had repelled an assault by the Rapid Support Forces on El Fasher. "
                      "The RSF said it had taken the camp. Sudan's government denied it. The UN called on both parties to "
                      "allow aid in.")
    assert {e.id for e in m.sides(_at(doc, "both parties"))} == {"state:SDN", "org:rsf"}


def test_the_speaker_is_not_a_side_and_a_tie_gives_no_pair(mentions):
    doc, m = mentions("Guyana accused Venezuela of moving troops. Venezuela denied it and accused Guyana. Brazil "
                      "called on both neighbours to talk.")
    assert {e.id for e in m.sides(_at(doc, "both neighbours"), {"BRA"})} == {"state:GUY", "state:VEN"}
    doc, m = mentions("Chile met Peru. Bolivia met Chile. Peru met Bolivia. The UN urged both sides to talk.")
    assert m.sides(_at(doc, "both sides")) == []


def test_a_new_name_by_its_first_word_when_no_one_else_has_it(extract):
    ev = _one(extract("Malaysian Prime Minister Jalil Rahman hosted the talks. Jalil thanked Thailand for its "
                      "restraint."), "Praise")
    assert ev.actors[0].name == "Jalil Rahman" and ev.actors[0].country == "MYS"
    assert [r.id for r in ev.recipients] == ["state:THA"]
    evs = extract("Malaysian Prime Minister Jalil Rahman hosted the talks with Jalil Osman. Jalil thanked Thailand "
                  "for its restraint.")
    assert not [e for e in evs if e.type == "Praise" and e.actors and e.actors[0].name == "Jalil Rahman"]
