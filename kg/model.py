"""The one canonical in-memory model: Article, Entity, Event, Mention.

Every loader produces these and every store writes from them. Identifiers are deterministic
hashes of the canonical fields, so loading the same article twice changes nothing and one
real-world event reported by several articles is one Event with the mentions of all of them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class EntityKind(StrEnum):
    STATE = "State"
    PERSON = "Person"
    ORGANISATION = "Organisation"
    PLACE = "Place"
    ARMED_GROUP = "ArmedGroup"


class Polarity(StrEnum):
    ASSERTED = "asserted"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"
    PLANNED = "planned"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


def stable_hash(*parts: object, length: int = 16) -> str:
    """A short hex digest of the parts, stable across runs, machines and Python versions."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class Office:
    """A post a person holds: 'President of Russia' from 2012-05-07, still in office."""

    office: str
    title: str
    role: str
    state: str | None = None
    start: str | None = None
    end: str | None = None
    organisation: str | None = None

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        iso = day.isoformat()
        return (self.start is None or self.start <= iso) and (self.end is None or iso < self.end)


@dataclass(frozen=True)
class Entity:
    """A state, person, organisation, place or armed group.

    `id` is stable: a state is state:ISO3, a gazetteer entry keeps its gazetteer key, and an
    entity found only in text is keyed by its kind and normalised name.
    """

    id: str
    name: str
    kind: EntityKind
    country: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    sector: str | None = None
    geonames: int | None = None
    lat: float | None = None
    lon: float | None = None
    part_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "name": self.name, "kind": self.kind.value}
        for key in ("country", "wikidata", "sector", "geonames", "lat", "lon", "part_of"):
            value = getattr(self, key)
            if value is not None:
                d[key] = value
        if self.aliases:
            d["aliases"] = list(self.aliases)
        if self.offices:
            d["offices"] = [dataclasses.asdict(o) for o in self.offices]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=d["id"],
            name=d["name"],
            kind=EntityKind(d["kind"]),
            country=d.get("country"),
            wikidata=d.get("wikidata"),
            aliases=tuple(d.get("aliases", ())),
            offices=tuple(Office(**o) for o in d.get("offices", ())),
            sector=d.get("sector"),
            geonames=d.get("geonames"),
            lat=d.get("lat"),
            lon=d.get("lon"),
            part_of=d.get("part_of"),
        )


def entity_id(kind: EntityKind, key: str) -> str:
    """The id of an entity that has no gazetteer key: its kind and a normalised name."""
    slug = "-".join("".join(ch if ch.isalnum() else " " for ch in key.lower()).split())
    return f"{kind.value.lower()}:{slug or stable_hash(key, length=8)}"


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source: str | None = None
    language: str | None = None
    path: str | None = None

    @staticmethod
    def make_id(text: str, url: str | None = None) -> str:
        """Articles without an id of their own are keyed by their URL, else by their text."""
        return "a-" + (stable_hash("url", url) if url else stable_hash("text", text.strip()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "language": self.language,
            "path": self.path,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        pub = d.get("published")
        return cls(
            id=str(d["id"]),
            text=d.get("text", ""),
            title=d.get("title"),
            url=d.get("url"),
            published=dt.date.fromisoformat(pub[:10]) if pub else None,
            source=d.get("source"),
            language=d.get("language"),
            path=d.get("path"),
        )


@dataclass(frozen=True)
class Mention:
    """Provenance: the sentence of an article that states an event, with character offsets
    into the article's text (end exclusive)."""

    article: str
    sentence: str
    start: int
    end: int

    @property
    def id(self) -> str:
        return "m-" + stable_hash(self.article, self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "sentence": self.sentence, "start": self.start, "end": self.end}


# Events reported by different articles merge when their dates fall in the same window;
# fixed windows (not "within N days of each other") keep ids deterministic and never chain.
DATE_WINDOW_DAYS = 7


def date_window(day: dt.date | None) -> int | None:
    return None if day is None else day.toordinal() // DATE_WINDOW_DAYS


@dataclass(frozen=True)
class Event:
    type: str
    actors: tuple[Entity, ...]
    recipients: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()
    plover_type: str = ""
    plover_mode: str | None = None
    cameo: str | None = None
    score: float = 0.0
    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    date_text: str | None = None
    polarity: Polarity = Polarity.ASSERTED
    attribution: Entity | None = None
    confidence: float = 1.0
    attributes: dict[str, Any] = field(default_factory=dict)
    mentions: tuple[Mention, ...] = ()
    reported: dt.date | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", self.identity())

    def identity(self) -> str:
        """type + actors + recipients + polarity + date window: what makes two reports the same event.

        An event without a date of its own is placed by the date it was first reported, so that
        an undated condemnation in 2016 and another in 2024 stay two events.
        """
        return "e-" + stable_hash(
            self.type,
            ",".join(sorted(a.id for a in self.actors)),
            ",".join(sorted(r.id for r in self.recipients)),
            self.polarity.value,
            date_window(self.date or self.reported),
        )

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article for m in self.mentions))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.mentions[0].article if self.mentions else None,
            "type": self.type,
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "cameo": self.cameo,
            "score": self.score,
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [r.to_dict() for r in self.recipients],
            "places": [p.to_dict() for p in self.places],
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision.value if self.date_precision else None,
            "date_text": self.date_text,
            "reported": self.reported.isoformat() if self.reported else None,
            "polarity": self.polarity.value,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "confidence": self.confidence,
            "attributes": self.attributes,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        plover = d.get("plover") or {}
        return cls(
            id=d.get("id", ""),
            type=d["type"],
            plover_type=plover.get("type", ""),
            plover_mode=plover.get("mode"),
            cameo=d.get("cameo"),
            score=float(d.get("score", 0.0)),
            actors=tuple(Entity.from_dict(a) for a in d.get("actors", ())),
            recipients=tuple(Entity.from_dict(r) for r in d.get("recipients", ())),
            places=tuple(Entity.from_dict(p) for p in d.get("places", ())),
            date=dt.date.fromisoformat(d["date"]) if d.get("date") else None,
            date_precision=DatePrecision(d["date_precision"]) if d.get("date_precision") else None,
            date_text=d.get("date_text"),
            reported=dt.date.fromisoformat(d["reported"]) if d.get("reported") else None,
            polarity=Polarity(d.get("polarity", "asserted")),
            attribution=Entity.from_dict(d["attribution"]) if d.get("attribution") else None,
            confidence=float(d.get("confidence", 1.0)),
            attributes=dict(d.get("attributes") or {}),
            mentions=tuple(Mention(**m) for m in d.get("mentions", ())),
        )

    @classmethod
    def from_json(cls, text: str) -> Event:
        return cls.from_dict(json.loads(text))

    def with_mentions(self, mentions: tuple[Mention, ...]) -> Event:
        return dataclasses.replace(self, mentions=mentions)


@dataclass
class Extraction:
    """What extracting one article gives: the article, its events, and the entities they name."""

    article: Article
    events: list[Event]

    @property
    def entities(self) -> dict[str, Entity]:
        found: dict[str, Entity] = {}
        for ev in self.events:
            for ent in (*ev.actors, *ev.recipients, *ev.places):
                found.setdefault(ent.id, ent)
            if ev.attribution is not None:
                found.setdefault(ev.attribution.id, ev.attribution)
        return found


def merge_events(events: list[Event]) -> list[Event]:
    """Collapse events with the same identity into one, keeping every mention once.

    Order is kept (first report first); the merged event keeps the first report's fields, the
    highest confidence, and the attributes of all reports (earlier reports win on conflicts).
    """
    merged: dict[str, Event] = {}
    for ev in events:
        prev = merged.get(ev.id)
        if prev is None:
            merged[ev.id] = ev
            continue
        mentions = tuple(dict.fromkeys((*prev.mentions, *ev.mentions)))
        attributes = {**ev.attributes, **prev.attributes}
        merged[ev.id] = dataclasses.replace(
            prev,
            mentions=mentions,
            attributes=attributes,
            confidence=max(prev.confidence, ev.confidence),
            reported=min(filter(None, (prev.reported, ev.reported)), default=None),
            places=tuple({p.id: p for p in (*prev.places, *ev.places)}.values()),
            date_text=prev.date_text or ev.date_text,
            attribution=prev.attribution or ev.attribution,
        )
    return list(merged.values())
