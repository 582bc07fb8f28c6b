import datetime as dt

from kg.model import Article, Entity, EntityKind, Event, Mention, Office, Polarity, merge_events

PRK = Entity("state:PRK", "North Korea", EntityKind.STATE, country="PRK", wikidata="Q423")
RUS = Entity("state:RUS", "Russia", EntityKind.STATE, country="RUS", wikidata="Q159")
KIM = Entity(
    "person:Q56226",
    "Kim Jong Un",
    EntityKind.PERSON,
    country="PRK",
    wikidata="Q56226",
    offices=(Office("Supreme Leader of North Korea", "Supreme Leader", "leader", "PRK", "2011-12-17", None),),
)


def _event(article="a1", start=0, **kw):
    fields = dict(type="Deployment", actors=(PRK,), recipients=(RUS,), date=dt.date(2025, 4, 28), reported=dt.date(2025, 4, 28))
    fields.update(kw)
    return Event(mentions=(Mention(article, "North Korea deployed troops.", start, start + 28),), **fields)


def test_event_id_is_deterministic_and_ignores_mentions():
    assert _event().id == _event(article="a2", start=100).id
    assert _event().id.startswith("e-")


def test_event_id_changes_with_type_roles_polarity_and_date_window():
    base = _event().id
    assert _event(type="MilitaryAid").id != base
    assert _event(recipients=()).id != base
    assert _event(polarity=Polarity.DENIED).id != base
    assert _event(date=dt.date(2025, 6, 1)).id != base


def test_undated_events_are_placed_by_report_date():
    a = _event(date=None, reported=dt.date(2016, 8, 12))
    b = _event(date=None, reported=dt.date(2024, 5, 24))
    assert a.id != b.id


def test_json_round_trip_keeps_every_field():
    ev = _event(
        actors=(KIM,), attributes={"troops": 14000, "recapture": True}, date_text="on Monday", attribution=PRK, confidence=0.8
    )
    back = Event.from_json(ev.to_json())
    assert back == ev
    assert back.to_dict()["actors"][0]["offices"][0]["role"] == "leader"


def test_article_round_trip_and_ids():
    art = Article(id=Article.make_id("text", "https://example.org/x"), text="text", published=dt.date(2025, 4, 28))
    assert Article.from_dict(art.to_dict()) == art
    assert Article.make_id("text") != Article.make_id("other text")
    assert Article.make_id("a", "https://example.org/x") == Article.make_id("b", "https://example.org/x")


def test_merge_keeps_one_event_with_all_mentions():
    merged = merge_events([_event(article="a1"), _event(article="a2", start=50), _event(article="a1")])
    assert len(merged) == 1
    assert [m.article for m in merged[0].mentions] == ["a1", "a2"]
    assert merged[0].articles == ("a1", "a2")


def test_office_covers_dates():
    office = KIM.offices[0]
    assert office.covers(dt.date(2025, 4, 28))
    assert not office.covers(dt.date(2010, 1, 1))
