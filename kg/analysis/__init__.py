"""Relationship analysis on networkx, built from the events of any store.

    from kg.analysis import analyse
    a = analyse(store.events(), since=date(2024, 1, 1))
    a.scores[0]            # the strongest dyad, with its contributions (event id, score, decay)
    a.blocs, a.actors      # alliance blocs and central actors
    a.evidence(a.scores[0].event_ids)   # the sentences behind it

The rules behind each number are documented in kg.relations (derived relations), kg.analysis.scores
(dyad scores, decay, movers) and kg.analysis.networks (networks, blocs, centrality).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.analysis.networks import (
    Actor,
    Bloc,
    blocs,
    central_actors,
    event_graph,
    opposition_network,
    positive_network,
    signed_network,
    support_network,
)
from kg.analysis.scores import (
    DEFAULT_HALF_LIFE_DAYS,
    Contribution,
    DyadScore,
    Move,
    Period,
    dyad_scores,
    monthly_series,
    movers,
)
from kg.model import Event, Mention
from kg.relations import OPPOSES, SUPPORTS, Relation, derive_relations, event_day


@dataclass(frozen=True)
class Evidence:
    event_id: str
    type: str
    day: dt.date | None
    article: str
    sentence: str


@dataclass
class Analysis:
    """Everything the reports show for one window, computed once."""

    events: dict[str, Event]
    period: Period
    half_life_days: float | None
    relations: list[Relation]
    scores: list[DyadScore]
    blocs: list[Bloc]
    actors: list
    extra: dict = field(default_factory=dict)

    @property
    def supports(self) -> list[Relation]:
        return [r for r in self.relations if r.kind == SUPPORTS]

    @property
    def opposes(self) -> list[Relation]:
        return [r for r in self.relations if r.kind == OPPOSES]

    def evidence(self, event_ids: Iterable[str], limit: int | None = None) -> list[Evidence]:
        """One entry per distinct sentence of the given events: the weightiest events (largest |score|,
        then most mentioned) first, then by date; an event's sentences in article order."""
        out: list[Evidence] = []
        seen: set[str] = set()
        evs = sorted((self.events[i] for i in set(event_ids) if i in self.events),
                     key=lambda e: (-abs(e.score), -len(e.mentions), event_day(e) or dt.date.min, e.id))
        for ev in evs:
            for m in sorted(ev.mentions, key=lambda m: (m.article, m.start)):
                if m.sentence in seen:
                    continue
                seen.add(m.sentence)
                out.append(Evidence(ev.id, ev.type, event_day(ev), m.article, m.sentence))
        return out[:limit] if limit else out

    def mentions(self, event_id: str) -> tuple[Mention, ...]:
        ev = self.events.get(event_id)
        return ev.mentions if ev else ()

    def dyad(self, a: str, b: str) -> DyadScore | None:
        key = tuple(sorted((a, b)))
        return next((s for s in self.scores if s.key == key), None)


def analyse(
    events: Iterable[Event],
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    half_life_days: float | None = DEFAULT_HALF_LIFE_DAYS,
) -> Analysis:
    events = list(events)
    relations = derive_relations(events, since=since, until=until)
    scores = dyad_scores(events, since=since, until=until, half_life_days=half_life_days)
    return Analysis(
        events={e.id: e for e in events},
        period=Period(since, until),
        half_life_days=half_life_days,
        relations=relations,
        scores=scores,
        blocs=blocs(scores),
        actors=central_actors(scores, relations),
    )


__all__ = [
    "DEFAULT_HALF_LIFE_DAYS",
    "Actor",
    "Analysis",
    "Bloc",
    "Contribution",
    "DyadScore",
    "Evidence",
    "Move",
    "Period",
    "analyse",
    "blocs",
    "central_actors",
    "dyad_scores",
    "event_graph",
    "monthly_series",
    "movers",
    "opposition_network",
    "positive_network",
    "signed_network",
    "support_network",
]
