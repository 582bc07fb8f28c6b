"""The gazetteer index: every surface form of every known state, person, organisation and place.

Built once per process from ontology/gazetteer/*.json (or $GEOKG_GAZETTEER_DIR) and cached; the
spaCy component matches its surface forms with a PhraseMatcher. Entity ids are stable keys of
the gazetteer: state:ISO3, person:QID, org:ID, place:GEONAMESID.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.model import Entity, EntityKind, Office, entity_id
from kg.paths import ontology_dir

FILES = ("states.json", "people.json", "organisations.json", "places.json")

# A surface form is what the text says; `how` says how it names the entity: by name, as a
# demonym ("North Korean"), or as a metonym ("Pyongyang", "the Kremlin" for the state).
NAME, DEMONYM, METONYM = "name", "demonym", "metonym"

# Demonyms shared by two states ("Korean", "Congolese") say nothing about which one is meant.
AMBIGUOUS_MIN_STATES = 2


@dataclass(frozen=True)
class Surface:
    entity: str
    how: str


@dataclass
class Gazetteer:
    entities: dict[str, Entity] = field(default_factory=dict)
    forms: dict[str, list[Surface]] = field(default_factory=dict)
    surnames: dict[str, list[str]] = field(default_factory=dict)
    surname_of: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    # demonyms of several states ('Congolese'): which one is meant is left to the article
    shared_demonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # each state's capital as a place ('talks in Brussels'), where the text names it as a location
    capitals: dict[str, Entity] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)  # person id -> 'm' / 'f', where the file says

    def add_form(self, text: str | None, ent: str, how: str, shadowed: bool = False) -> None:
        """Index a surface form and its variants; a `shadowed` entity (a place) takes no variant
        that already names something else ('Phnom-Penh' of the city is not 'Phnom Penh' of the state)."""
        text = (text or "").strip()
        if len(text) < 2:
            return
        for variant in _variants(text):
            if shadowed and any(not s.entity.startswith("place:") for s in self.forms.get(variant, ())):
                continue
            bucket = self.forms.setdefault(variant, [])
            if not any(s.entity == ent for s in bucket):
                bucket.append(Surface(ent, how))

    def lookup(self, text: str) -> Surface | None:
        """The entity a surface form names, or None when unknown or ambiguous."""
        found = self.forms.get(text) or self.forms.get(_strip_the(text))
        if not found or len({s.entity for s in found}) != 1:
            return None
        return found[0]

    def acts_for(self, person: Entity, day: dt.date | None) -> Entity | None:
        """The international body a person speaks for on the day: the organisation of their office
        when they hold no office of a state then and the body has no state of its own (a UN
        Secretary-General acts for the UN, not for the state of their nationality)."""
        current = [o for o in person.offices if o.covers(day)]
        if not current or any(o.state for o in current):
            return None
        bodies = {o.organisation for o in current}
        if len(bodies) != 1:
            return None
        body = self.entities.get(f"org:{next(iter(bodies))}")
        return body if body is not None and not body.country else None

    def state_served(self, person: Entity, day: dt.date | None) -> Entity | None:
        """The state a person with no fixed country (see load_gazetteer) holds an office of on the day
        (Donald Tusk for Poland in 2024, not in 2016), else None."""
        if person.country is not None:
            return None
        states = {o.state for o in person.offices if o.state and o.covers(day)}
        return self.entities.get(f"state:{next(iter(states))}") if len(states) == 1 else None

    def holders(self, state: str, roles: tuple[str, ...], day: dt.date | None) -> list[Entity]:
        """People holding one of the roles for the state on the day (the article's date)."""
        out = []
        for ent in self.entities.values():
            if ent.kind is EntityKind.PERSON and any(
                o.state == state and o.role in roles and o.covers(day) for o in ent.offices
            ):
                out.append(ent)
        return out


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _variants(text: str) -> set[str]:
    """The forms a name takes in running text: as written, without a leading 'the', with
    straight and curly apostrophes, hyphenated or not."""
    out = {text, _strip_the(text)}
    for t in list(out):
        out.add(t.replace("'", "\u2019"))
        out.add(t.replace("\u2019", "'"))
        if "-" in t:
            out.add(t.replace("-", " "))
    return {t for t in out if len(t) >= 2}


def gazetteer_dir() -> Path:
    env = os.environ.get("GEOKG_GAZETTEER_DIR")
    return Path(env) if env else ontology_dir() / "gazetteer"


def _read(folder: Path, name: str) -> list[dict]:
    path = folder / name
    if not path.is_file():
        return []
    return json.loads(path.read_text(encoding="utf-8"))


def _office(o: dict) -> Office:
    return Office(
        office=o.get("office") or o.get("title") or "",
        title=o.get("title") or "",
        role=o.get("role") or "other",
        state=o.get("state"),
        start=o.get("start"),
        end=o.get("end"),
        organisation=o.get("organisation"),
    )


@cache
def load_gazetteer(folder: str | None = None) -> Gazetteer:
    root = Path(folder) if folder else gazetteer_dir()
    gz = Gazetteer()
    demonym_states: dict[str, set[str]] = {}
    shared: dict[str, set[str]] = {}
    for s in _read(root, "states.json"):
        eid = f"state:{s['iso3']}"
        aliases = tuple(a for a in dict.fromkeys([s.get("official_name"), *s.get("aliases", [])]) if a and a != s["name"])
        gz.entities[eid] = Entity(
            id=eid, name=s["name"], kind=EntityKind.STATE, country=s["iso3"], wikidata=s.get("qid"),
            aliases=aliases, geonames=s.get("geonames"), lat=s.get("lat"), lon=s.get("lon"),
        )
        for form in (s["name"], *aliases):
            gz.add_form(form, eid, NAME)
        for form in (s.get("capital"), *s.get("metonyms", [])):
            gz.add_form(form, eid, METONYM)
        if s.get("capital"):
            geo = s.get("capital_geonames")
            gz.capitals[eid] = Entity(
                id=f"place:{geo}" if geo else entity_id(EntityKind.PLACE, s["capital"]), name=s["capital"],
                kind=EntityKind.PLACE, country=s["iso3"], geonames=geo,
            )
        for d in s.get("demonyms", []):
            demonym_states.setdefault(d, set()).add(eid)
        for d in s.get("shared_demonyms", []):  # 'Congolese': kept out of the surface forms
            shared.setdefault(d, set()).add(eid)
    for p in _read(root, "people.json"):
        eid = f"person:{p['qid']}" if p.get("qid") else entity_id(EntityKind.PERSON, p["name"])
        offices = tuple(_office(o) for o in p.get("offices", []))
        # An entity's country is the state it acts for (relations and the saved queries count its
        # acts for that state). Someone who has held an office at an international body (a UN
        # Secretary-General, a prime minister turned NATO Secretary General) has no one state they
        # always act for: their country is None, their nationality stays in people.json, and the
        # extractor names the state or body they act for on the day beside them (Mentions._acting).
        international = any(o.state is None and o.organisation for o in offices)
        gz.entities[eid] = Entity(
            id=eid, name=p["name"], kind=EntityKind.PERSON, country=None if international else p.get("country"),
            wikidata=p.get("qid"),
            aliases=tuple(a for a in p.get("aliases", []) if a != p["name"]), offices=offices,
        )
        for form in (p["name"], *p.get("aliases", [])):
            gz.add_form(form, eid, NAME)
        if p.get("gender") in ("m", "f"):
            gz.gender[eid] = p["gender"]
        surname = p.get("surname") or p["name"].split()[-1]
        gz.surnames.setdefault(surname, []).append(eid)
        gz.surname_of[eid] = surname
        folded = unicodedata.normalize("NFKD", surname).encode("ascii", "ignore").decode()
        if folded and folded != surname:  # 'Erdogan' for Erdoğan: English texts often drop the diacritics
            gz.surnames.setdefault(folded, []).append(eid)
    for o in _read(root, "organisations.json"):
        eid = f"org:{o['id']}"
        kind = EntityKind.ARMED_GROUP if o.get("kind") == "ArmedGroup" else EntityKind.ORGANISATION
        gz.entities[eid] = Entity(
            id=eid, name=o["name"], kind=kind, country=o.get("country"), wikidata=o.get("qid"),
            aliases=tuple(a for a in o.get("aliases", []) if a != o["name"]), sector=o.get("sector"),
        )
        described = (o.get("category"), o.get("sector"), o["name"], *o.get("aliases", []))
        gz.categories[eid] = " ".join(filter(None, described)).lower()
        for form in (o["name"], *o.get("aliases", [])):
            gz.add_form(form, eid, NAME)
        for form in o.get("demonyms", []):  # 'Southeast Asian (foreign ministers)' for ASEAN
            gz.add_form(form, eid, DEMONYM)
    for pl in _read(root, "places.json"):
        eid = f"place:{pl['geonames']}" if pl.get("geonames") else entity_id(EntityKind.PLACE, pl["name"])
        gz.entities[eid] = Entity(
            id=eid, name=pl["name"], kind=EntityKind.PLACE, country=pl.get("country"),
            aliases=tuple(a for a in pl.get("aliases", []) if a != pl["name"]),
            geonames=pl.get("geonames"), lat=pl.get("lat"), lon=pl.get("lon"),
        )
        for form in (pl["name"], *pl.get("aliases", [])):
            # A place never shadows a state, a person or an organisation of the same name.
            if form not in gz.forms:
                gz.add_form(form, eid, NAME, shadowed=True)
    for eid, capital in list(gz.capitals.items()):
        gz.capitals[eid] = gz.entities.get(capital.id, capital)  # the places file's entry, when it has one
    for d, states in demonym_states.items():
        if len(states) < AMBIGUOUS_MIN_STATES and d not in gz.forms:
            gz.add_form(d, next(iter(states)), DEMONYM)
        elif d not in gz.forms:
            shared.setdefault(d, set()).update(states)
    for d, states in shared.items():
        if d not in gz.forms:
            gz.shared_demonyms[d] = tuple(sorted(states))
    return gz
