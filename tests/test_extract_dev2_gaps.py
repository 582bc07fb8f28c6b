"""General gaps found from the misses of bench/dev2 (articles d01-d06 only; d07-d12 are kept for
checking). Every sentence here is our own, written for the test; each rule has sentences it must
fire on and sentences of ordinary narrative it must not fire on."""

import pytest


def of_type(events, type_):
    return [e for e in events if e.type == type_]


def pairs(events, type_):
    return {(e.actors[0].country, e.recipients[0].country if e.recipients else None) for e in of_type(events, type_)}


def show(events):
    return [(e.type, [a.name for a in e.actors], [r.name for r in e.recipients]) for e in events]


# -- datelines whose agency tag is not in capitals ---------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("LIMA, March 3 (wire) - Peru on Monday condemned a Chilean naval exercise near the maritime border.",
     ("PER", "CHL")),
    ("NAIROBI, June 9 (ap) - Kenya on Friday condemned the Somali decision to expel its ambassador.", ("KEN", "SOM")),
])
def test_dateline_with_a_lower_case_agency_tag(extract, text, expected):
    events = extract(text)
    assert expected in pairs(events, "Condemnation"), show(events)


def test_dateline_splits_off_with_a_lower_case_agency_tag(extractor):
    nlp = extractor.nlp
    with nlp.select_pipes(disable=["geokg_events"]):
        doc = nlp("SUVA, May 2 (wire) - Fiji on Friday thanked Australia for two patrol boats.")
        plain = nlp("Suva is the capital of Fiji - Fiji on Friday thanked Australia for two patrol boats.")
    assert [s[0].text for s in doc.sents] == ["SUVA", "Fiji"]
    assert len(list(plain.sents)) == 1  # no dateline: a dash inside a sentence does not end it


def test_hyphenated_title_at_a_line_start_is_no_dateline(extractor):
    nlp = extractor.nlp
    with nlp.select_pipes(disable=["geokg_events"]):
        doc = nlp("Intro line.\nUN Secretary-General Antonio Guterres welcomed the truce and urged both sides to keep it.")
    assert [s[0].text for s in doc.sents if s.text.strip()] == ["Intro", "UN"]


def test_hyphenated_title_keeps_its_clause(extract):
    text = ("Laos and Vietnam signed a river agreement on Thursday after a year of talks.\n"
            "UN Secretary-General Antonio Guterres welcomed the accord and urged both governments to implement it.")
    events = extract(text)
    assert {r.country for e in of_type(events, "Demand") for r in e.recipients} == {"LAO", "VNM"}, show(events)
