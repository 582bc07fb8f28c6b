"""What the parts of the event reader share: the event record (Found) and the reader's state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.model import DatePrecision, Entity, Polarity
from loaders.extract.mentions import Mentions
from loaders.extract.rules import Rules, TypeRules

NO_RULES = TypeRules()


@dataclass
class Found:
    type: str
    trigger: int
    sent: tuple[int, int]
    actors: list[Entity]
    recipients: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    supports: Entity | None = None
    polarity: Polarity = Polarity.ASSERTED
    attribution: Entity | None = None
    date: dt.date | None = None
    precision: DatePrecision | None = None
    date_text: str | None = None
    attributes: dict = field(default_factory=dict)
    confidence: float = 0.9
    refers_to: int | None = None  # index into the article's events when this is only a new mention


def uniq(ents: list[Entity]) -> list[Entity]:
    return list({e.id: e for e in ents}.values())


class ReaderState:
    """The state of one article's reading, set by ArticleReader.__init__ and shared by its parts."""

    doc: Doc
    m: Mentions
    rules: Rules
    published: dt.date | None
    found: list[Found]
    speakers: list[tuple[int, Entity]]
    _sent_speaker: dict[int, Entity | None]
    labels: list[tuple[int, int, Entity]]
    exclude: set[str]  # states a description may not resolve to (the doer's own)
    last_pair: tuple[int, list[Entity]] | None  # the last 'the two leaders' resolved
    actors_now: list[Entity]  # the doers of the event being built (reactive recipients)
