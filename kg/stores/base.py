"""What every store offers, whatever holds the graph."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kg.model import Event, Extraction
from kg.queries import SavedQuery


class StoreError(RuntimeError):
    """A store that cannot be opened, reached or written; the message is one line for the user."""


@dataclass
class WriteReport:
    articles: int = 0
    events: int = 0
    mentions: int = 0

    def add(self, extraction: Extraction) -> None:
        self.articles += 1
        self.events += len(extraction.events)
        # one sentence can state several events: it is one mention, as the stores count it
        self.mentions += len({m.id for ev in extraction.events for m in ev.mentions if m.article == extraction.article.id})


@dataclass
class Stats:
    articles: int = 0
    events: int = 0
    mentions: int = 0
    entities_by_kind: dict[str, int] = field(default_factory=dict)
    events_by_type: dict[str, int] = field(default_factory=dict)
    entities: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "events": self.events,
            "mentions": self.mentions,
            "entities_by_kind": self.entities_by_kind,
            "events_by_type": self.events_by_type,
            "entities": self.entities,
        }


class Store(ABC):
    """A graph store. Writing an article replaces what that article said before, atomically,
    so loading the same article twice changes nothing."""

    location: str

    @abstractmethod
    def write(self, extractions: Iterable[Extraction]) -> WriteReport: ...

    @abstractmethod
    def stats(self) -> Stats: ...

    @abstractmethod
    def run_query(self, query: SavedQuery, params: dict[str, object]) -> list[dict[str, Any]]: ...

    @abstractmethod
    def events(self) -> Iterator[Event]:
        """Every event with its actors, recipients, places and mentions, read back into the model."""

    def close(self) -> None:
        return None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
