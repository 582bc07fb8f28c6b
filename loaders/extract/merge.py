"""One event per real-world event within an article.

Mentions of the same act by the same parties merge on a key (type, actor states, recipient
states, polarity), never through chains of near-matches: a retelling that names no recipient
joins the one event of its type and doer that has one, and stays apart when there are several.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.model import Entity, EntityKind, Mention, Polarity
from loaders.extract.reading import Found

# Acts of speech: what a minister said and what their state said are two events (a person and their
# state are different parties). Deeds (deployments, attacks) a leader orders are the state's one act.
SPEECH_TYPES = {"Accusation", "Condemnation", "Praise", "Denial", "Threat", "Demand"}


def state(e: Entity) -> str:
    # an armed group is a side of its own, not its country's (the army and the rebels of one state)
    return e.id if e.kind is EntityKind.ARMED_GROUP else e.country or e.id


def party(type_: str, e: Entity) -> str:
    return e.id if type_ in SPEECH_TYPES and e.kind is EntityKind.PERSON else state(e)


def _pol(p: Polarity) -> str:
    # A hedged retelling of an asserted act is the same act; a denial or a plan is not.
    return "asserted" if p in (Polarity.ASSERTED, Polarity.HYPOTHETICAL) else p.value


@dataclass
class Group:
    first: Found
    mentions: list[Mention] = field(default_factory=list)
    members: list[Found] = field(default_factory=list)


def group_mentions(found: list[Found], mention_of) -> list[Group]:
    """found: in article order; mention_of(Found) -> Mention. Returns the merged groups in order."""
    groups: list[Group] = []
    owner: dict[int, Group] = {}
    by_key: dict[tuple, Group] = {}
    pending: list[tuple[int, Found]] = []
    for i, f in enumerate(found):
        if f.refers_to is not None:
            continue
        if not f.recipients:
            pending.append((i, f))
            continue
        key = (f.type, frozenset(party(f.type, a) for a in f.actors), frozenset(map(state, f.recipients)),
               _pol(f.polarity))
        g = by_key.get(key)
        if g is None:
            g = by_key[key] = Group(first=f)
            groups.append(g)
        g.members.append(f)
        owner[i] = g
    for i, f in pending:
        actors = frozenset(party(f.type, a) for a in f.actors)
        cands = [g for k, g in by_key.items() if k[0] == f.type and k[1] == actors and k[2] and (
            f.polarity is not Polarity.DENIED) == (k[3] != Polarity.DENIED.value)]
        if len(cands) == 1:
            g = cands[0]
        else:
            key = (f.type, actors, frozenset(), _pol(f.polarity))
            g = by_key.get(key)
            if g is None:
                g = by_key[key] = Group(first=f)
                groups.append(g)
        g.members.append(f)
        owner[i] = g
    for f in found:
        if f.refers_to is not None and f.refers_to in owner:
            owner[f.refers_to].members.append(f)
    for g in groups:
        g.members.sort(key=lambda f: f.trigger)
        g.mentions = list(dict.fromkeys(mention_of(f) for f in g.members))
    groups.sort(key=lambda g: g.members[0].trigger)
    return groups
