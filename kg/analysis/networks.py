"""networkx views of the events: support and opposition networks, alliance blocs, central actors,
and the whole event graph for notebooks.

- Support network: a DiGraph of the derived SUPPORTS relations (kg.relations), weight = relation
  weight, ``event_ids`` on every edge. Opposition network: the same for OPPOSES.
- Positive network: an undirected Graph over every state of the selection with an edge for each
  dyad whose (decayed) relationship score is above zero, weight = that score.
- Blocs: communities of the positive network found by greedy modularity maximisation
  (Clauset-Newman-Moore, deterministic: nodes and edges are added in sorted order); a bloc is a
  community of two or more states. Its ``cohesion`` is the sum of its internal edge weights.
- Central actors: per state, ``partners`` (states it has any scored event with), ``activity`` (the
  sum of |score| of its dyads), ``net`` (the sum of their scores), support and opposition given and
  received (sums of SUPPORTS / OPPOSES relation weights) and betweenness centrality on the
  unweighted activity graph. Sorted by activity.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from kg.analysis.scores import DyadScore
from kg.model import Entity, Event
from kg.relations import OPPOSES, SUPPORTS, Relation, derive_relations


def relation_network(relations: Iterable[Relation], kind: str) -> nx.DiGraph:
    g = nx.DiGraph()
    for r in sorted((r for r in relations if r.kind == kind), key=lambda r: (r.source.id, r.target.id)):
        g.add_node(r.source.id, name=r.source.name)
        g.add_node(r.target.id, name=r.target.name)
        g.add_edge(r.source.id, r.target.id, weight=r.weight, events=r.count, event_ids=list(r.event_ids), kind=kind)
    return g


def support_network(relations: Iterable[Relation]) -> nx.DiGraph:
    return relation_network(relations, SUPPORTS)


def opposition_network(relations: Iterable[Relation]) -> nx.DiGraph:
    return relation_network(relations, OPPOSES)


def signed_network(scores: Iterable[DyadScore]) -> nx.Graph:
    """Every scored dyad as an undirected edge with its score (sign kept) and event ids."""
    g = nx.Graph()
    scores = sorted(scores, key=lambda s: s.key)
    for s in scores:
        for ent in (s.a, s.b):
            g.add_node(ent.id, name=ent.name)
    for s in scores:
        g.add_edge(s.a.id, s.b.id, weight=s.score, raw=s.raw, events=s.events, event_ids=list(s.event_ids))
    return g


def positive_network(scores: Iterable[DyadScore]) -> nx.Graph:
    full = signed_network(scores)
    g = nx.Graph()
    g.add_nodes_from(sorted(full.nodes(data=True)))
    g.add_edges_from(sorted((u, v, d) for u, v, d in full.edges(data=True) if d["weight"] > 0))
    return g


@dataclass(frozen=True)
class Bloc:
    members: tuple[Entity, ...]
    cohesion: float
    event_ids: tuple[str, ...]

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.members]

    def to_dict(self) -> dict[str, object]:
        return {"members": [m.id for m in self.members], "names": self.names, "cohesion": self.cohesion,
                "event_ids": list(self.event_ids)}


def blocs(scores: Iterable[DyadScore], min_size: int = 2) -> list[Bloc]:
    scores = list(scores)
    entities = {e.id: e for s in scores for e in (s.a, s.b)}
    g = positive_network(scores)
    if g.number_of_edges() == 0:
        return []
    communities = nx.algorithms.community.greedy_modularity_communities(g, weight="weight")
    out = []
    for community in communities:
        members = sorted(community)
        if len(members) < min_size:
            continue
        sub = g.subgraph(members)
        ids = sorted({i for _, _, d in sub.edges(data=True) for i in d["event_ids"]})
        cohesion = round(sum(d["weight"] for _, _, d in sub.edges(data=True)), 4)
        out.append(Bloc(tuple(entities[m] for m in members), cohesion, tuple(ids)))
    out.sort(key=lambda b: (-b.cohesion, [m.id for m in b.members]))
    return out


@dataclass(frozen=True)
class Actor:
    state: Entity
    partners: int
    activity: float
    net: float
    support_given: float
    support_received: float
    opposition_given: float
    opposition_received: float
    betweenness: float
    event_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "state": self.state.id, "name": self.state.name, "partners": self.partners, "activity": self.activity,
            "net": self.net, "support_given": self.support_given, "support_received": self.support_received,
            "opposition_given": self.opposition_given, "opposition_received": self.opposition_received,
            "betweenness": self.betweenness, "events": len(self.event_ids),
        }


def central_actors(scores: Iterable[DyadScore], relations: Iterable[Relation]) -> list[Actor]:
    scores, relations = list(scores), list(relations)
    g = signed_network(scores)
    between = nx.betweenness_centrality(g, normalized=True) if g.number_of_nodes() > 2 else dict.fromkeys(g, 0.0)
    entities = {e.id: e for s in scores for e in (s.a, s.b)}
    given: dict[tuple[str, str], float] = defaultdict(float)
    for r in relations:
        if r.kind in (SUPPORTS, OPPOSES):
            given[(r.kind, r.source.id, "out")] += r.weight
            given[(r.kind, r.target.id, "in")] += r.weight
    actors = []
    for node in sorted(g):
        edges = g.edges(node, data=True)
        ids = sorted({i for _, _, d in edges for i in d["event_ids"]})
        actors.append(
            Actor(
                state=entities[node],
                partners=g.degree(node),
                activity=round(sum(abs(d["weight"]) for _, _, d in edges), 4),
                net=round(sum(d["weight"] for _, _, d in edges), 4),
                support_given=round(given[(SUPPORTS, node, "out")], 4),
                support_received=round(given[(SUPPORTS, node, "in")], 4),
                opposition_given=round(given[(OPPOSES, node, "out")], 4),
                opposition_received=round(given[(OPPOSES, node, "in")], 4),
                betweenness=round(between.get(node, 0.0), 4),
                event_ids=tuple(ids),
            )
        )
    actors.sort(key=lambda a: (-a.activity, a.state.id))
    return actors


def event_graph(events: Iterable[Event]) -> nx.MultiDiGraph:
    """The events as a graph for notebooks: entity and event nodes, ACTOR (entity -> event),
    RECIPIENT (event -> entity), PLACE (event -> place) and ATTRIBUTED_TO edges, plus the derived
    SUPPORTS / OPPOSES / ALLIED_WITH relations between state nodes (with weight and event_ids)."""
    events = list(events)
    g = nx.MultiDiGraph()

    def entity(e: Entity) -> str:
        if e.id not in g:
            g.add_node(e.id, label=e.kind.value, name=e.name, kind=e.kind.value, country=e.country, wikidata=e.wikidata)
        return e.id

    for ev in sorted(events, key=lambda e: e.id):
        g.add_node(
            ev.id, label="Event", type=ev.type, plover_type=ev.plover_type, plover_mode=ev.plover_mode, cameo=ev.cameo,
            score=ev.score, date=ev.date, reported=ev.reported, polarity=ev.polarity.value, confidence=ev.confidence,
            sentences=[m.sentence for m in ev.mentions], articles=list(ev.articles),
        )
        for a in ev.actors:
            g.add_edge(entity(a), ev.id, key="ACTOR", type="ACTOR")
        for r in ev.recipients:
            g.add_edge(ev.id, entity(r), key="RECIPIENT", type="RECIPIENT")
        for p in ev.places:
            g.add_edge(ev.id, entity(p), key="PLACE", type="PLACE")
        if ev.attribution:
            g.add_edge(ev.id, entity(ev.attribution), key="ATTRIBUTED_TO", type="ATTRIBUTED_TO")
    for r in derive_relations(events):
        entity(r.source)
        entity(r.target)
        g.add_edge(r.source.id, r.target.id, key=r.kind, type=r.kind, weight=r.weight, event_ids=list(r.event_ids),
                   first=r.first, last=r.last)
    return g
