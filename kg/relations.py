"""Derived state-to-state relations: SUPPORTS, OPPOSES and ALLIED_WITH, each traceable to events.

`derive_relations(events)` is a pure function of the events; stores (Neo4j writes them as
edges), the analysis and the reports all derive relations through it, so the rules live here only.

Rules
-----
1. Only events whose polarity is *asserted* count (denied, hypothetical and planned acts do not).
2. Each actor and each recipient is mapped to its state: an entity's ``country`` (ISO3), else, for
   a person, the state of an office held on the event's date (none if they held none of a state
   then: a former prime minister's acts at NATO count for no state). The state entity is
   ``kg.states.state_entity(iso3)``. Entities without a state are ignored. Every (actor state,
   recipient state) pair of an event with different states is one *dyad*; an event counts once per
   dyad, however many of its actors or recipients map to the same states.
3. The stance comes from the taxonomy (``ontology/event-types.toml``), never from a second list
   here: ``taxonomy()[ev.type]`` gives the type; when the type has a ``when_supporting`` coding and
   the event carries it (``ev.plover_type`` and ``ev.plover_mode`` equal that coding's PLOVER type and
   mode) the stance is that coding's stance, otherwise the type's base coding stance. So a
   Deployment coded AID/military (troops sent to fight alongside the recipient) *supports*, and a
   Deployment coded MOBILIZE/troops (massed against it) *opposes*. Events of a type the taxonomy does
   not know are skipped.
4. ``supports`` gives a directed SUPPORTS relation actor state -> recipient state, ``opposes`` a
   directed OPPOSES relation; ``engages`` (meetings, agreements, cooperation, ...) gives neither.
5. ALLIED_WITH is undirected (source is the state with the smaller id) and holds when either
   a. both states support each other (A SUPPORTS B and B SUPPORTS A), or
   b. one supports the other and the two have an engaging event of alliance nature between them
      in either direction: an Agreement (a treaty or pact) or a Cooperation (joint exercises,
      military cooperation), the types in ``ALLIANCE_TYPES``.
   Its events are the SUPPORTS events of both directions plus those alliance-nature events.
6. Weight = the sum over the relation's events of ``max(1, |score|)``, where score is the event's
   PLOVER score (-10..+10) for the coding it carries. The floor of 1 keeps an act whose PLOVER score
   is 0 (a Demand) visible. Each event adds to a relation's weight once.
7. ``first``/``last`` are the earliest and latest event dates (an event without a date counts by
   the date it was reported; with neither it adds no date). ``since``/``until`` (inclusive) keep
   only events whose date falls in the window; with a window, undated events are dropped.
8. Output is deterministic: sorted by kind, then descending weight, then source and target id;
   ``event_ids`` are sorted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.model import Entity, EntityKind, Event, Polarity
from kg.ontology import taxonomy
from kg.states import state_entity

SUPPORTS = "SUPPORTS"
OPPOSES = "OPPOSES"
ALLIED_WITH = "ALLIED_WITH"
KINDS = (ALLIED_WITH, SUPPORTS, OPPOSES)
ALLIANCE_TYPES = frozenset({"Agreement", "Cooperation"})


@dataclass(frozen=True)
class Relation:
    source: Entity
    target: Entity
    kind: str  # "SUPPORTS" | "OPPOSES" | "ALLIED_WITH"
    weight: float
    first: dt.date | None
    last: dt.date | None
    event_ids: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.event_ids)

    @property
    def directed(self) -> bool:
        return self.kind != ALLIED_WITH

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source.id,
            "source_name": self.source.name,
            "target": self.target.id,
            "target_name": self.target.name,
            "kind": self.kind,
            "weight": self.weight,
            "events": self.count,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "event_ids": list(self.event_ids),
        }


def event_day(ev: Event) -> dt.date | None:
    """The date an event counts by: its own date, else the date it was reported."""
    return ev.date or ev.reported


def event_weight(ev: Event) -> float:
    """What one event adds to a relation's weight (rule 6)."""
    return max(1.0, abs(ev.score))


def stance(ev: Event) -> str | None:
    """supports / opposes / engages for the coding the event carries; None for an unknown type."""
    tax = taxonomy()
    if ev.type not in tax:
        return None
    et = tax[ev.type]
    ws = et.when_supporting
    supporting = ws is not None and ev.plover_type == ws.plover and (ev.plover_mode or None) == (ws.mode or None)
    return et.coding_for(supporting).stance


def entity_state(ent: Entity, day: dt.date | None = None) -> str | None:
    """The ISO3 code of the state an entity belongs to (rule 2), or None."""
    if ent.country:
        return ent.country
    if ent.kind is EntityKind.STATE and ent.id.startswith("state:"):
        return ent.id.split(":", 1)[1]
    for office in ent.offices:
        if office.state and office.covers(day):
            return office.state
    # no state office that day (a NATO Secretary General who was a prime minister before): no state
    return None


def event_dyads(ev: Event) -> list[tuple[str, str]]:
    """The (actor ISO3, recipient ISO3) pairs of an event, different states only, each once, sorted."""
    day = event_day(ev)
    actors = {s for s in (entity_state(a, day) for a in ev.actors) if s}
    recipients = {s for s in (entity_state(r, day) for r in ev.recipients) if s}
    return sorted((a, r) for a in actors for r in recipients if a != r)


def in_window(ev: Event, since: dt.date | None, until: dt.date | None) -> bool:
    if since is None and until is None:
        return True
    day = event_day(ev)
    if day is None:
        return False
    return (since is None or day >= since) and (until is None or day <= until)


class _Acc:
    __slots__ = ("events",)

    def __init__(self) -> None:
        self.events: dict[str, Event] = {}

    def add(self, ev: Event) -> None:
        self.events.setdefault(ev.id, ev)


def _relation(src: str, tgt: str, kind: str, events: Iterable[Event]) -> Relation:
    evs = {e.id: e for e in events}
    days = sorted(d for d in (event_day(e) for e in evs.values()) if d)
    return Relation(
        source=state_entity(src),
        target=state_entity(tgt),
        kind=kind,
        weight=round(sum(event_weight(e) for e in evs.values()), 6),
        first=days[0] if days else None,
        last=days[-1] if days else None,
        event_ids=tuple(sorted(evs)),
    )


def relation_types() -> frozenset[str]:
    """The event types whose asserted events derive_relations can count: a coding that supports
    or opposes (the base one or when_supporting), or an alliance type. Stores read only these."""
    return frozenset(
        name
        for name, et in taxonomy().types.items()
        if {et.coding_for(False).stance, et.coding_for(True).stance} & {"supports", "opposes"} or name in ALLIANCE_TYPES
    )


def derive_relations(
    events: Iterable[Event], *, since: dt.date | None = None, until: dt.date | None = None
) -> list[Relation]:
    """SUPPORTS, OPPOSES and ALLIED_WITH relations between states (see the module docstring)."""
    directed: dict[tuple[str, str, str], _Acc] = defaultdict(_Acc)
    ties: dict[tuple[str, str], _Acc] = defaultdict(_Acc)  # alliance-nature engaging events, undirected
    for ev in events:
        if ev.polarity is not Polarity.ASSERTED or not in_window(ev, since, until):
            continue
        st = stance(ev)
        if st is None:
            continue
        for a, r in event_dyads(ev):
            if st == "supports":
                directed[(SUPPORTS, a, r)].add(ev)
            elif st == "opposes":
                directed[(OPPOSES, a, r)].add(ev)
            elif ev.type in ALLIANCE_TYPES:
                ties[(min(a, r), max(a, r))].add(ev)

    relations = [_relation(a, r, kind, acc.events.values()) for (kind, a, r), acc in directed.items()]

    pairs = {(min(a, r), max(a, r)) for (kind, a, r) in directed if kind == SUPPORTS}
    for a, b in sorted(pairs):
        ab = directed.get((SUPPORTS, a, b))
        ba = directed.get((SUPPORTS, b, a))
        tie = ties.get((a, b))
        if (ab and ba) or tie:
            evs = [ev for acc in (ab, ba, tie) if acc for ev in acc.events.values()]
            relations.append(_relation(a, b, ALLIED_WITH, evs))

    relations.sort(key=lambda r: (KINDS.index(r.kind), -r.weight, r.source.id, r.target.id))
    return relations


__all__ = [
    "ALLIANCE_TYPES",
    "ALLIED_WITH",
    "OPPOSES",
    "SUPPORTS",
    "Relation",
    "derive_relations",
    "entity_state",
    "event_day",
    "event_dyads",
    "event_weight",
    "relation_types",
    "stance",
]
