"""States by ISO 3166 alpha-3, from the gazetteer (ontology/gazetteer/states.json).

Stores use it to give every entity's country a State node of its own, so that a leader or an
organ always leads to its state even in an article that never names the state itself.
"""

from __future__ import annotations

import json
from functools import cache

from kg.model import Entity, EntityKind
from kg.paths import ontology_dir


@cache
def _states() -> dict[str, dict]:
    path = ontology_dir() / "gazetteer" / "states.json"
    if not path.is_file():
        return {}
    return {s["iso3"]: s for s in json.loads(path.read_text(encoding="utf-8"))}


def state_entity(iso3: str) -> Entity:
    """The State entity for an ISO3 code; an unknown code still gets a node, named by its code."""
    s = _states().get(iso3)
    if s is None:
        return Entity(id=f"state:{iso3}", name=iso3, kind=EntityKind.STATE, country=iso3)
    return Entity(
        id=f"state:{iso3}",
        name=s["name"],
        kind=EntityKind.STATE,
        country=iso3,
        wikidata=s.get("qid"),
        geonames=s.get("geonames"),
        lat=s.get("lat"),
        lon=s.get("lon"),
    )


def known(iso3: str) -> bool:
    return iso3 in _states()
