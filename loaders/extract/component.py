"""The spaCy component that turns a parsed article into events.

It runs inside nlp.pipe (also in worker processes with n_process > 1): the article's id,
publication date and source ride in doc.user_data["geokg"], the events come back as plain dicts
(Event.to_dict()) in doc.user_data["geokg_events"], so they survive the trip between processes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Entity, Event, Mention, Polarity
from kg.ontology import taxonomy
from loaders.extract.classifier import enabled as classifier_enabled
from loaders.extract.classifier import propose
from loaders.extract.events import ArticleReader
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.intent import expresses_intent
from loaders.extract.mentions import ACTOR_KINDS, Mentions, build_matcher
from loaders.extract.merge import Group, group_mentions
from loaders.extract.reading import Found
from loaders.extract.rules import rules

INPUT_KEY, OUTPUT_KEY = "geokg", "geokg_events"


@Language.factory("geokg_events", default_config={"gazetteer_dir": None})
def make_events(nlp: Language, name: str, gazetteer_dir: str | None) -> EventsComponent:
    return EventsComponent(nlp, gazetteer_dir)


class EventsComponent:
    def __init__(self, nlp: Language, gazetteer_dir: str | None = None) -> None:
        self.gz = load_gazetteer(gazetteer_dir)
        self.matcher = build_matcher(nlp, self.gz)
        self.nlp = nlp
        self.rules = rules()
        self.taxonomy = taxonomy()

    def __call__(self, doc: Doc) -> Doc:
        meta = doc.user_data.get(INPUT_KEY) or {}
        published = dt.date.fromisoformat(meta["published"]) if meta.get("published") else None
        article_id = meta.get("id") or "article"
        publisher = self._publisher(meta.get("source"))
        mentions = Mentions(doc, self.gz, self.matcher, published, publisher)
        reader = ArticleReader(doc, mentions, self.rules, published)
        found = reader.run()
        if classifier_enabled():  # the learned recall hook, GEOKG_EVENT_CLASSIFIER=1 (read per article)
            found += propose(reader, found)
        text = doc.text  # built from the tokens on each access: once per article, not per mention
        groups = group_mentions(found, lambda f: _mention(doc, f, article_id, text))
        events = [self._event(g, article_id, published, doc) for g in groups]
        doc.user_data.pop("_sent_starts", None)
        doc.user_data[OUTPUT_KEY] = [e.to_dict() for ev in events if ev is not None for e in _per_recipient(ev)]
        return doc

    def _publisher(self, source: str | None) -> Entity | None:
        if not source:
            return None
        sdoc = self.nlp.make_doc(source)
        for _, start, end in self.matcher(sdoc):
            surface = self.gz.lookup(sdoc[start:end].text)
            if surface is not None:
                ent = self.gz.entities[surface.entity]
                if ent.kind in ACTOR_KINDS:
                    return ent
        return None

    def _event(self, g: Group, article_id: str, published: dt.date | None, doc: Doc) -> Event | None:
        members = [f for f in g.members if f.refers_to is None]
        first = g.first
        et = self.taxonomy[first.type]
        recipients = list({r.id: r for f in members for r in f.recipients}.values())
        supports = next((f.supports for f in members if f.supports is not None), None)
        supporting = supports is not None and any(r.country == supports.country for r in recipients)
        intended = et.when_intended is not None and expresses_intent(doc[first.trigger], first.polarity, self.rules)
        future = first.polarity is Polarity.PLANNED and et.coding.plover in self.taxonomy.future_agree
        coding = et.coding_for(supporting, intended, future)
        mode = coding.mode
        if not supporting and coding is et.coding and et.modes:
            words = {t.lemma_.lower() for f in members for t in doc[f.trigger].subtree} | {
                doc[f.trigger].lemma_.lower() for f in members}
            mode = next((m for m, ws in et.modes.items() if words & set(ws)), mode)
        dated = next((f for f in members if f.date is not None), None) or next((f for f in members if f.date_text), None)
        attributes: dict = {}
        for f in members:
            for k, v in f.attributes.items():
                attributes.setdefault(k, v)
        if any(f.attributes.get("recapture") for f in members):
            attributes["recapture"] = True
        polarity = first.polarity
        if polarity is Polarity.HYPOTHETICAL and any(f.polarity is Polarity.ASSERTED for f in members):
            polarity = Polarity.ASSERTED
        confidence = max(f.confidence for f in members) + min(0.05 * (len(g.mentions) - 1), 0.09)
        return Event(
            type=first.type,
            actors=tuple(first.actors),
            recipients=tuple(recipients),
            places=tuple({p.id: p for f in members for p in f.places}.values()),
            plover_type=coding.plover,
            plover_mode=mode,
            cameo=coding.cameo,
            score=coding.score,
            date=dated.date if dated else None,
            date_precision=dated.precision if dated else None,
            date_text=dated.date_text if dated else None,
            polarity=polarity,
            attribution=next((f.attribution for f in members if f.attribution is not None), None),
            confidence=round(min(confidence, 0.99), 2),
            attributes=attributes,
            mentions=tuple(g.mentions),
            reported=published,
        )


def _per_recipient(ev: Event) -> list[Event]:
    """One event per (type, actor, recipient): 'We thank France and the United Kingdom' is two acts
    of thanks, each its own edge between two parties."""
    if len(ev.recipients) < 2:
        return [ev]
    return [dataclasses.replace(ev, recipients=(r,), id="") for r in ev.recipients]


def _mention(doc: Doc, f: Found, article_id: str, text: str) -> Mention:
    """The sentence that states the event, with offsets such that text[start:end] == sentence."""
    sent = doc[f.sent[0] : f.sent[1]]
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Mention(article=article_id, sentence=text[start:end], start=start, end=end)


__all__ = ["EventsComponent", "INPUT_KEY", "OUTPUT_KEY"]
