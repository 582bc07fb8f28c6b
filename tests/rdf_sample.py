"""Hand-built extractions for the RDF tests: two articles, one event reported by both, every
field of the model used (offices, places with coordinates, attribution, attributes, hostile text)."""

from __future__ import annotations

import datetime as dt

from kg.model import Article, DatePrecision, Entity, EntityKind, Event, Extraction, Mention, Office, merge_events
from kg.states import state_entity

PRK, RUS, UKR = state_entity("PRK"), state_entity("RUS"), state_entity("UKR")
KIM = Entity(
    "person:kim-jong-un", "Kim Jong Un", EntityKind.PERSON, country="PRK", wikidata="Q56226",
    offices=(Office("Supreme Leader of North Korea", "Chairman", "head_of_state", "PRK", "2011-12-17"),),
)
KURSK = Entity("place:kursk", "Kursk", EntityKind.PLACE, country="RUS", geonames=538560, lat=51.73, lon=36.19)
KCNA = Entity("organisation:kcna", "KCNA", EntityKind.ORGANISATION, country="PRK", sector="media")
HOSTILE = 'He said "stop" \\ } ; DROP ALL ; INSERT DATA { <urn:x> <urn:y> <urn:z> } # émoji \U0001F600'


def sample_extractions() -> list[Extraction]:
    a1 = Article(id="a-1", text="x" * 300, title="North Korea sends troops", url="https://example.org/1",
                 published=dt.date(2024, 11, 2), source="Example")
    a2 = Article(id="a-2", text="y" * 300, title=HOSTILE, published=dt.date(2024, 11, 3))
    deploy = Event(
        "Deployment", (PRK,), (RUS,), (KURSK,), plover_type="AID", plover_mode="military", cameo="074", score=10.0,
        date=dt.date(2024, 11, 1), date_precision=DatePrecision.DAY, date_text="on Friday", reported=dt.date(2024, 11, 2),
        attribution=KCNA, confidence=0.9, attributes={"troops": 10000, "note": HOSTILE},
        mentions=(Mention("a-1", "North Korea sent 10,000 troops to Kursk.", 0, 40),),
    )
    condemn = Event(
        "Condemnation", (UKR,), (PRK,), plover_type="ACCUSE", plover_mode="disapprove", cameo="111", score=-2.0,
        reported=dt.date(2024, 11, 2), mentions=(Mention("a-1", "Ukraine condemned it.", 41, 62),),
    )
    shells = Event(
        "MilitaryAid", (KIM,), (RUS,), plover_type="AID", plover_mode="military", cameo="072", score=10.0,
        reported=dt.date(2024, 11, 3), mentions=(Mention("a-2", HOSTILE, 30, 46),),
    )
    again = deploy.with_mentions((Mention("a-2", "Troops arrived in Kursk.", 5, 29),))
    return [Extraction(a1, [deploy, condemn]), Extraction(a2, [again, shells])]


def sample_events() -> list[Event]:
    """What reading the sample back must give: its events merged, sorted by id."""
    return sorted(merge_events([e for x in sample_extractions() for e in x.events]), key=lambda e: e.id)
