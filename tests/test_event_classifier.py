"""The learned event-type classifier (loaders/extract/classifier.py) and its recall hook.

Real spaCy, the real trained model (trained into its cache on first use when scripts/install has not),
sentences of our own (none is in the training file)."""

from __future__ import annotations

import pytest

from loaders.extract.classifier import NONE, TRAINING_FILE, features, load_classifier, training_rows

# clear sentences of our own, each with the type it states
CLEAR = [
    ("Israeli aircraft bombed Hezbollah positions in southern Lebanon on Sunday.", "Attack"),
    ("The European Union imposed sanctions on ten Iranian officials over the drone transfers.", "Sanction"),
    ("Xi Jinping held talks with the Brazilian president in Beijing on Friday.", "Meeting"),
    ("Germany will send two more Patriot air defence systems to Ukraine, the defence ministry said.", "MilitaryAid"),
    ("The Kremlin denied that its troops had shelled the town, calling the reports lies.", "Denial"),
    ("Oil prices rose 3 percent on Tuesday as traders weighed the new tariffs.", NONE),
    ("The two countries have been rivals for most of the past century.", NONE),
]

# rules miss these clauses today (no trigger verb of the type): the hook reads them
MISSED = "Azerbaijani forces opened fire on Armenian border posts overnight, Yerevan said."
MISSED_MEETING = "Poland's foreign minister conferred with his German counterpart in Berlin on Friday."


@pytest.fixture(scope="module")
def clf():
    return load_classifier()


def test_training_data_is_our_own_labelled_file():
    rows = training_rows()
    assert len(rows) >= 600
    labels = {r["label"] for r in rows}
    assert NONE in labels and {"Attack", "Meeting", "Demand", "Condemnation"} <= labels
    assert sum(r["label"] == NONE for r in rows) >= 150  # hard negatives
    texts = {r["text"] for r in rows}
    assert len(texts) == len(rows)
    assert not {s for s, _ in CLEAR} & texts and MISSED not in texts and MISSED_MEETING not in texts
    assert TRAINING_FILE.with_name("README.md").read_text(encoding="utf-8").count("CC0") == 1


def test_classifier_labels_clear_sentences(clf):
    got = clf.label_texts([s for s, _ in CLEAR])
    assert [label for label, _ in got] == [label for _, label in CLEAR]
    assert all(0.0 < p <= 1.0 for _, p in got)
    assert "NONE" in clf.labels and "Statement" not in clf.labels and len(clf.labels) == 26


def test_features_name_entities_by_label_not_by_name():
    from loaders.extract.nlp import load_nlp

    doc = load_nlp()("Russia deployed 3,000 troops to Belarus.")
    words = features(doc[:])
    assert words[0] == "GPE" and "russia" not in words and "belarus" not in words
    assert "deploy" in words and "T_Deployment" in words and "NUM" in words


def test_hook_adds_the_event_the_rules_miss_and_marks_it(extract, monkeypatch):
    monkeypatch.setenv("GEOKG_EVENT_CLASSIFIER", "0")
    assert not [e for e in extract(MISSED) if e.type == "Attack"]  # the premise: the rules miss it
    monkeypatch.setenv("GEOKG_EVENT_CLASSIFIER", "1")
    events = extract(MISSED)
    attacks = [e for e in events if e.type == "Attack"]
    assert len(attacks) == 1
    ev = attacks[0]
    assert [a.id for a in ev.actors] == ["state:AZE"] and [r.id for r in ev.recipients] == ["state:ARM"]
    assert ev.attributes["source"] == "classifier" and 0.5 <= ev.attributes["classifier_p"] <= 1.0
    assert ev.confidence <= 0.6 and ev.polarity.value == "asserted"
    assert ev.attribution is not None and ev.attribution.id == "state:ARM"  # 'Yerevan said'
    assert ev.plover_type == "ASSAULT"


def test_hook_reads_a_meeting_with_the_extractors_role_reader(extract, monkeypatch):
    monkeypatch.setenv("GEOKG_EVENT_CLASSIFIER", "1")
    meetings = [e for e in extract(MISSED_MEETING) if e.type == "Meeting"]
    got = [([a.country for a in e.actors], [r.id for r in e.recipients], e.attributes.get("source")) for e in meetings]
    assert got == [(["POL"], ["state:DEU"], "classifier")]


def test_off_switch(extract, monkeypatch):
    monkeypatch.setenv("GEOKG_EVENT_CLASSIFIER", "0")
    for text in (MISSED, MISSED_MEETING):
        assert not [e for e in extract(text) if e.attributes.get("source") == "classifier"]


def test_no_event_from_a_negated_or_hypothetical_clause(extract, monkeypatch):
    monkeypatch.setenv("GEOKG_EVENT_CLASSIFIER", "1")
    for text in ("Azerbaijani forces did not open fire on Armenian border posts, Baku said.",
                 "If Azerbaijani forces opened fire on Armenian border posts, the truce would collapse."):
        assert not [e for e in extract(text) if e.attributes.get("source") == "classifier"], text


def test_propose_without_rule_events(monkeypatch):
    """The hook alone, on a parsed article whose rule events are withheld: it reads the clause."""
    import datetime as dt

    from loaders.extract.classifier import propose
    from loaders.extract.events import ArticleReader
    from loaders.extract.gazetteer import load_gazetteer
    from loaders.extract.mentions import Mentions, build_matcher
    from loaders.extract.nlp import load_nlp
    from loaders.extract.rules import rules

    nlp = load_nlp()
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p == "geokg_events"]):
        doc = nlp(MISSED_MEETING)
    gz = load_gazetteer()
    reader = ArticleReader(doc, Mentions(doc, gz, build_matcher(nlp, gz), dt.date(2025, 4, 28), None), rules(), None)
    found = propose(reader, [], threshold=0.5)
    assert [(f.type, [a.country for a in f.actors], [r.id for r in f.recipients]) for f in found] == [
        ("Meeting", ["POL"], ["state:DEU"])]
    assert found[0].attributes["source"] == "classifier"
    assert propose(reader, [], threshold=1.01) == []  # nothing passes an impossible threshold


def test_settings_are_read_as_given_and_a_meaningless_one_is_refused(monkeypatch):
    from loaders.extract.classifier import ClassifierSettingError, enabled, min_p

    monkeypatch.setenv("GEOKG_EVENT_CLASSIFIER", "off")
    monkeypatch.setenv("GEOKG_EVENT_CLASSIFIER_MIN_P", "0.8")
    assert enabled() is False and min_p() == 0.8
    monkeypatch.setenv("GEOKG_EVENT_CLASSIFIER", "sometimes")
    with pytest.raises(ClassifierSettingError, match="GEOKG_EVENT_CLASSIFIER='sometimes'"):
        enabled()
    monkeypatch.setenv("GEOKG_EVENT_CLASSIFIER_MIN_P", "0")
    with pytest.raises(ClassifierSettingError, match="at most 1"):
        min_p()
