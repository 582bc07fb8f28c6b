"""Clause-level behaviour on short texts: reported speech, negation, passive voice, hedges and
plans, coreference within an article, and no event without a known doer."""

import datetime as dt

from kg.model import Article, Polarity


def only(events, type_):
    hits = [e for e in events if e.type == type_]
    assert len(hits) == 1, [(e.type, [a.name for a in e.actors]) for e in events]
    return hits[0]


def test_reported_speech_is_the_doers_event_with_attribution(extract):
    ev = only(extract("South Korean officials said North Korea deployed troops to Russia."), "Deployment")
    assert {a.country for a in ev.actors} == {"PRK"}
    assert {r.country for r in ev.recipients} == {"RUS"}
    assert ev.attribution is not None and ev.attribution.country == "KOR"


def test_according_to(extract):
    ev = only(extract("North Korea sent 1,500 troops to Russia, according to South Korea."), "Deployment")
    assert ev.attribution.country == "KOR"
    assert ev.attributes["troops"] == 1500


def test_negation_is_denied(extract):
    ev = only(extract("Russia did not attack Ukraine on Friday."), "Attack")
    assert ev.polarity is Polarity.DENIED
    assert ev.date == dt.date(2025, 4, 25)


def test_passive_voice(extract):
    ev = only(extract("Ukraine was attacked by Russia on Sunday."), "Attack")
    assert {a.country for a in ev.actors} == {"RUS"}
    assert {r.country for r in ev.recipients} == {"UKR"}


def test_hedge_and_future(extract):
    assert only(extract("North Korea reportedly sent troops to Russia."), "Deployment").polarity is Polarity.HYPOTHETICAL
    assert only(extract("The United States will deploy troops to Poland."), "Deployment").polarity is Polarity.PLANNED


def test_surname_and_pronoun_coreference(extract):
    events = extract("Vladimir Putin met reporters in Moscow on Monday. Later he thanked North Korea for its support.")
    ev = only(events, "Praise")
    assert [a.name for a in ev.actors] == ["Vladimir Putin"]
    assert {r.country for r in ev.recipients} == {"PRK"}
    events = extract("Kim Jong Un visited a factory. Kim later sent troops to Russia.")
    ev = only(events, "Deployment")
    assert [a.name for a in ev.actors] == ["Kim Jong Un"]


def test_the_agency_is_the_agency_named_before(extract):
    ev = only(extract("KCNA published a statement on Monday. The agency said North Korea had sent troops to Russia."),
              "Deployment")
    assert ev.attribution is not None and "KCNA" in (ev.attribution.name, *ev.attribution.aliases)


def test_the_president_by_office_on_the_article_date(extract):
    ev = only(extract("Russia reacted quickly. The president condemned Ukraine's attack."), "Condemnation")
    assert [a.name for a in ev.actors] == ["Vladimir Putin"]
    assert {r.country for r in ev.recipients} == {"UKR"}


def test_no_event_without_a_known_doer(extract):
    assert extract("Unknown gunmen attacked a village near the border.") == []
    assert extract("Officials condemned the decision.") == []


def test_condemnation_targets_the_deployer(extract):
    events = extract("North Korea sent troops to Russia. South Korea condemned the deployment.")
    ev = only(events, "Condemnation")
    assert {r.country for r in ev.recipients} == {"PRK"}
    dep = only(events, "Deployment")
    assert len(dep.mentions) == 2


def test_workers_keep_input_order():
    from loaders.extract import Extractor

    arts = [Article(id=f"a{i}", text=f"Russia attacked Ukraine on day {i}.") for i in range(6)]
    out = list(Extractor(workers=2, batch_size=2).extract(arts))
    assert [x.article.id for x in out] == [a.id for a in arts]
    assert all(x.events and x.events[0].type == "Attack" for x in out)


def test_workers_give_the_same_events_as_one_process_and_stream():
    from datetime import date

    from loaders.extract import Extractor

    texts = [
        "North Korea sent troops to Russia on Monday. South Korea condemned the deployment.",
        "The United States imposed sanctions on Iran last week.",
        "",
        "Vladimir Putin thanked Kim Jong Un for the support.",
        "Ukraine's forces killed 25 North Korean soldiers in the Kursk region on April 24.",
    ] * 3
    arts = [Article(id=f"w{i}", text=t, published=date(2025, 4, 30)) for i, t in enumerate(texts)]
    one = [[e.to_dict() for e in x.events] for x in Extractor(workers=1).extract(arts)]
    two = [[e.to_dict() for e in x.events] for x in Extractor(workers=2, batch_size=2).extract(arts)]
    assert two == one and sum(map(len, one)) >= 12
    # The article's date reaches the forked workers: 'on Monday' resolves against it.
    dep = next(e for e in Extractor(workers=2, batch_size=2).extract(arts[:2])).events
    assert [e.date for e in dep if e.type == "Deployment"] == [date(2025, 4, 28)]

    # Input is read as workers free up, not all at once.
    read = []

    def source():
        for i in range(200):
            read.append(i)
            yield Article(id=f"s{i}", text="Russia attacked Ukraine.")

    stream = Extractor(workers=2, batch_size=4).extract(source())
    next(stream)
    assert len(read) <= 2 * 2 * 4 + 4
    stream.close()


def test_conduct_judged_wrongful_is_an_accusation_by_the_speaker(extract):
    ev = only(extract('"Such actions by Russia are illegal," Japan\'s foreign minister said.'), "Accusation")
    assert {a.country for a in ev.actors} == {"JPN"}
    assert {r.country for r in ev.recipients} == {"RUS"}
    assert not [e for e in extract("Such actions by Russia were discussed at length in Tokyo.") if e.type == "Accusation"]


def test_strike_target_named_deep_in_the_phrase(extract):
    ev = only(extract("Israel launched strikes on targets associated with the weapons programme of Iran."), "Attack")
    assert {a.country for a in ev.actors} == {"ISR"}
    assert {r.country for r in ev.recipients} == {"IRN"}


def test_a_person_and_their_state_accusing_are_two_events(extract):
    from kg.model import Entity, EntityKind
    from loaders.extract.merge import party

    person = Entity(id="person:x", name="X", kind=EntityKind.PERSON, country="USA")
    assert party("Accusation", person) == "person:x"
    assert party("Deployment", person) == "USA"


def _parties(ev):
    return {a.country for a in ev.actors}, {r.country for r in ev.recipients}


def test_an_attack_inside_another_state_is_on_that_state(extract):
    assert _parties(only(extract("Hezbollah fighters attacked an army post in Israel."), "Attack"))[1] == {"ISR"}
    assert _parties(only(extract("Russian artillery shelled Kharkiv on Monday."), "Attack")) == ({"RUS"}, {"UKR"})
    # a state's own forces acting at home strike no other state
    assert [e.recipients for e in extract("Russian forces attacked a town in Russia.") if e.type == "Attack"] == [()]


def test_members_linked_to_a_group_act_for_it(extract):
    ev = only(extract("In 2021, gunmen associated with the Islamic State attacked a hotel in Nairobi."), "Attack")
    assert [a.name for a in ev.actors] == ["Islamic State"]
    assert {r.country for r in ev.recipients} == {"KEN"}


def test_responsible_for_attacks_is_the_attacker(extract):
    ev = only(extract("Hezbollah is responsible for several attacks in Argentina."), "Attack")
    assert [a.name for a in ev.actors] == ["Hezbollah"]
    assert {r.country for r in ev.recipients} == {"ARG"}
    assert not [e for e in extract("Hezbollah claimed responsibility for the attack.") if e.type == "Attack"]


def test_damage_done_to_a_place_is_an_attack(extract):
    ev = only(extract("Russian troops did heavy damage to power stations in Kharkiv."), "Attack")
    assert _parties(ev) == ({"RUS"}, {"UKR"})
    assert not [e for e in extract("The storm caused damage to homes in Kharkiv.") if e.type == "Attack"]


def test_ground_ceded_to_another_is_seized_by_it(extract):
    ev = only(extract("Russia ceded the city to Ukraine after weeks of fighting."), "Seizure")
    assert _parties(ev) == ({"UKR"}, {"RUS"})


def test_a_weapon_turned_against_a_vessel_is_an_attack(extract):
    ev = only(extract("The Chinese coast guard used a water cannon against a Vietnamese fishing boat."), "Attack")
    assert _parties(ev) == ({"CHN"}, {"VNM"})
    assert not [e for e in extract("Vietnam used the new radar system on Monday.") if e.type == "Attack"]


def test_the_accused_did_what_they_are_accused_of(extract):
    events = extract("Ukraine accused Russia of shelling Kherson.")
    assert _parties(only(events, "Accusation")) == ({"UKR"}, {"RUS"})
    assert _parties(only(events, "Attack")) == ({"RUS"}, {"UKR"})


def test_conduct_judged_abhorrent_is_a_condemnation(extract):
    ev = only(extract('"These are dangerous actions by Iran," the French foreign ministry said.'), "Condemnation")
    assert _parties(ev) == ({"FRA"}, {"IRN"})
    assert not [e for e in extract('"These are dangerous actions by Iran," the French foreign ministry said.')
                if e.type == "Accusation"]
    # an act answering the conduct: who acts condemns it, who is acted on did it
    ev = only(extract("Australia sanctioned Iranian officials in response to the brutal crackdown on protesters."),
              "Condemnation")
    assert _parties(ev) == ({"AUS"}, {"IRN"})


def test_a_testament_to_the_courage_of_others_praises_them(extract):
    ev = only(extract("Poland said the victory was a testament to the courage of the Ukrainian army."), "Praise")
    assert _parties(ev) == ({"POL"}, {"UKR"})
    ev = only(extract("The Canadian prime minister paid tribute to Ukraine on Sunday."), "Praise")
    assert _parties(ev)[1] == {"UKR"}


def test_wrongs_of_a_regime_told_by_a_government_accuse_it(extract):
    text = "The Lukashenko regime's courts sentenced three editors. This month the regime arrested 40 journalists."
    ev = only(extract(text, source="U.S. Department of State"), "Accusation")
    assert _parties(ev) == ({"USA"}, {"BLR"})
    # the same report by no government accuses no one
    assert not [e for e in extract(text) if e.type == "Accusation"]


def test_a_verb_that_needs_forces_as_object_is_a_deployment_trigger(extract):
    events = extract("The United States will soon move additional forces to Romania and Poland.")
    assert {r.country for e in events if e.type == "Deployment" for r in e.recipients} == {"ROU", "POL"}
    assert not [e for e in extract("Germany will move its embassy to Kyiv.") if e.type == "Deployment"]


def test_an_attack_on_a_named_thing_of_no_party_is_still_an_attack(extract):
    ev = only(extract("The Houthis attempted to escalate the war, this time by attacking a commercial vessel."), "Attack")
    assert [a.name for a in ev.actors] == ["Houthis"] and ev.recipients == ()
    assert not [e for e in extract("The Houthis launched an attack.") if e.type == "Attack"]


def test_a_family_name_without_its_article(extract):
    ev = only(extract("Bashar al-Assad spoke on Monday. Later Assad launched an attack against his own people."),
              "Attack")
    assert [a.name for a in ev.actors] == ["Bashar al-Assad"]


def test_a_hostile_act_of_another_state_claimed_is_an_accusation(extract):
    events = extract("Russia claimed that Ukraine shelled Belgorod.")
    assert _parties(only(events, "Accusation")) == ({"RUS"}, {"UKR"})
    assert _parties(only(events, "Attack")) == ({"UKR"}, {"RUS"})
    # said, not claimed; and a state's claim about itself accuses no one
    assert not [e for e in extract("Russia said that Ukraine shelled Belgorod.") if e.type == "Accusation"]
    assert not [e for e in extract("Russia claimed that its troops had seized Avdiivka.") if e.type == "Accusation"]


def test_an_operation_to_suppress_a_party_attacks_it(extract):
    ev = only(extract("Azerbaijan launched a military operation to suppress Armenia's combat activity."), "Attack")
    assert _parties(ev) == ({"AZE"}, {"ARM"})


def test_reinforcing_what_is_not_forces_or_ground_is_no_deployment(extract):
    assert not [e for e in extract("The EU will provide radios to reinforce the security of the Ghana Armed Forces.")
                if e.type == "Deployment"]
    assert only(extract("North Korea reinforced Russian troops in Kursk."), "Deployment").actors[0].country == "PRK"


def test_aid_to_support_a_military_is_military_aid(extract):
    ev = only(extract("Japan approved an assistance package to strengthen the Philippine Navy."), "MilitaryAid")
    assert _parties(ev) == ({"JPN"}, {"PHL"})
    assert not [e for e in extract("Japan approved an assistance package to support Philippine schools.")
                if e.type == "MilitaryAid"]


def test_the_publisher_speaks_of_itself(extract):
    ev = only(extract("The Council adopted an assistance measure to support the Ghana Armed Forces.",
                      source="Council of the European Union"), "MilitaryAid")
    assert [a.name for a in ev.actors] == ["Council of the European Union"]
    assert {r.country for r in ev.recipients} == {"GHA"}


def test_welcoming_a_visitor_to_a_place_is_no_praise(extract):
    assert not [e for e in extract("Japan welcomed the Korean delegation to Tokyo.") if e.type == "Praise"]
    assert _parties(only(extract("Japan welcomed the decision of South Korea."), "Praise")) == ({"JPN"}, {"KOR"})


def test_reacting_to_an_act_named_by_its_gerund(extract):
    events = extract("Japan and India signed a defence agreement. Narendra Modi welcomed the signing of the agreement.")
    ev = only(events, "Praise")
    assert [a.name for a in ev.actors] == ["Narendra Modi"] and {r.country for r in ev.recipients} == {"JPN"}


def test_we_meet_in_a_conversation_of_two_leaders(extract):
    text = ("President of Russia Vladimir Putin: Mr Xi, thank you for coming.\n"
            "President of China Xi Jinping: Thank you.\n"
            "Vladimir Putin: We meet regularly and that is good.")
    ev = only(extract(text), "Meeting")
    assert [a.name for a in ev.actors] == ["Vladimir Putin"] and [r.name for r in ev.recipients] == ["Xi Jinping"]


def test_nominal_deployments_and_arms_transfers(extract):
    ev = only(extract("The deployment of Russian troops to Belarus worried Lithuania."), "Deployment")
    assert _parties(ev) == ({"RUS"}, {"BLR"})
    ev = only(extract("Germany announced the delivery of Leopard tanks to Ukraine."), "MilitaryAid")
    assert _parties(ev) == ({"DEU"}, {"UKR"})
    assert not [e for e in extract("Germany announced the delivery of food to Ukraine.") if e.type == "MilitaryAid"]


def test_counted_forces_and_arms(extract):
    ev = only(extract("Russia sent thousands of soldiers to the border with Ukraine."), "Deployment")
    assert _parties(ev) == ({"RUS"}, {"UKR"})
    ev = only(extract("North Korea has shipped millions of artillery shells to Russia."), "MilitaryAid")
    assert _parties(ev) == ({"PRK"}, {"RUS"}) and ev.attributes["weapons"] == ["artillery shells"]


def test_a_strike_on_a_city_is_on_its_state(extract):
    ev = only(extract("The Russian strike on Odesa destroyed a school."), "Attack")
    assert _parties(ev) == ({"RUS"}, {"UKR"})


def test_expelled_diplomats_are_a_sanction(extract):
    assert _parties(only(extract("Venezuela expelled the Spanish ambassador."), "Sanction")) == ({"VEN"}, {"ESP"})


def test_exchanged_fire_is_two_attacks(extract):
    events = [e for e in extract("India and Pakistan exchanged fire along the border.") if e.type == "Attack"]
    assert {(e.actors[0].country, e.recipients[0].country) for e in events} == {("IND", "PAK"), ("PAK", "IND")}
    assert not [e for e in extract("Russia and Ukraine exchanged prisoners.") if e.type == "Attack"]


def test_a_target_located_inside_a_state(extract):
    ev = only(extract("Ukrainian drones struck an oil refinery in Russia's Krasnodar region."), "Attack")
    assert _parties(ev) == ({"UKR"}, {"RUS"})


def test_threats_and_demands_name_whom_the_act_concerns(extract):
    ev = only(extract("Russia threatened to cut gas supplies to Moldova."), "Threat")
    assert _parties(ev) == ({"RUS"}, {"MDA"})
    ev = only(extract("China demanded that the Philippines withdraw its ship from the shoal."), "Demand")
    assert _parties(ev) == ({"CHN"}, {"PHL"})
    assert not [e for e in extract("China insisted that its ships had done nothing wrong.") if e.type == "Demand"]


def test_said_to_be_responsible_is_an_accusation(extract):
    events = extract("The Foreign Ministry of Ukraine said Russia was responsible for the attack on the convoy.")
    assert _parties(only(events, "Accusation")) == ({"UKR"}, {"RUS"})
    assert {a.country for a in only(events, "Attack").actors} == {"RUS"}


def test_a_surname_without_its_diacritics(extract):
    ev = only(extract("Erdogan met Putin in Sochi on Monday."), "Meeting")
    assert {a.country for a in ev.actors} | {r.country for r in ev.recipients} == {"TUR", "RUS"}


def test_businesses_of_a_state(extract):
    ev = only(extract("Britain sanctioned three Chinese firms on Tuesday."), "Sanction")
    assert _parties(ev) == ({"GBR"}, {"CHN"})


def test_a_news_agency_judges_no_one_in_its_own_voice(extract):
    text = "Such actions by Russia are illegal. The victory was a testament to the courage of the Ukrainian army."
    assert not [e for e in extract(text, source="Reuters") if e.type in ("Accusation", "Praise")]
    assert {e.type for e in extract(text, source="U.S. Department of State")} >= {"Accusation", "Praise"}


def test_attack_verbs_that_need_a_military_or_ground_object(extract):
    ev = only(extract("Ukrainian forces sank a Russian landing ship."), "Attack")
    assert _parties(ev) == ({"UKR"}, {"RUS"})
    assert _parties(only(extract("Russian troops stormed the town of Bakhmut."), "Attack")) == ({"RUS"}, {"UKR"})
    assert not [e for e in extract("The storm destroyed hundreds of homes in Cuba.") if e.type == "Attack"]
    assert not [e for e in extract("Brazil destroyed Argentina 3-0.") if e.type == "Attack"]


def test_partners_of_a_joint_operation_strike_the_same_target(extract):
    text = ("Israel launched strikes on Hezbollah positions in Lebanon on Monday. "
            "A joint operation with the air forces of the United States and the United Kingdom followed.")
    events = [e for e in extract(text) if e.type == "Attack"]
    assert {(e.actors[0].country, e.recipients[0].name) for e in events} == {
        ("ISR", "Hezbollah"), ("USA", "Hezbollah"), ("GBR", "Hezbollah")}
    assert not [e for e in extract("A joint operation with the police of France arrested ten smugglers.")
                if e.type == "Attack"]


def test_singling_out_another_partys_merit_praises_it(extract):
    ev = only(extract("Germany recognised Poland's leadership on Ukraine."), "Praise")
    assert _parties(ev) == ({"DEU"}, {"POL"})
    assert not [e for e in extract("Germany noted Russia's role in the conflict.") if e.type == "Praise"]


def test_announcing_ones_own_response_warns_the_other_party(extract):
    ev = only(extract('"Our response will be swift, and Israel bears full responsibility," the Iranian foreign '
                      'ministry said.'), "Threat")
    assert _parties(ev) == ({"IRN"}, {"ISR"}) and ev.polarity is Polarity.ASSERTED
    assert not [e for e in extract('"Our response was measured," the Israeli army said of the Iranian strike.')
                if e.type == "Threat"]
