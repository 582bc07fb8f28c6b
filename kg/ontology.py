"""Access to the event taxonomy in ontology/event-types.toml, the single source of truth."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache

from kg.paths import ontology_dir

STANCES = ("supports", "opposes", "engages")


@dataclass(frozen=True)
class Coding:
    """How one act is coded: PLOVER type and mode, CAMEO code, scores, stance to recipients."""

    plover: str
    mode: str | None
    cameo: str
    score: float
    goldstein: float
    stance: str


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    comment: str
    coding: Coding
    when_supporting: Coding | None
    cameo_roots: tuple[str, ...]
    triggers: tuple[str, ...]
    modes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    when_intended: Coding | None = None
    recipient_preps: tuple[str, ...] = ()  # prepositions whose object is the recipient ('sent troops to X')

    def coding_for(self, supporting: bool, intended: bool = False, future_agree: bool = False) -> Coding:
        """The coding of the act: helping the side it supports (when_supporting) comes first; an act
        the actor only states it intends, offers or agrees to do is coded as that intention
        (when_intended: CAMEO 03 / PLOVER AGREE for cooperation, CAMEO 13 / THREATEN for force)."""
        if supporting and self.when_supporting:
            return self.when_supporting
        if intended and self.when_intended:
            return self.when_intended
        if future_agree and self.when_intended:
            # PLOVER codes a future cooperative act as AGREE; CAMEO keeps the act's own code
            wi = self.when_intended
            return Coding(plover=wi.plover, mode=wi.mode, cameo=self.coding.cameo, score=wi.score,
                          goldstein=self.coding.goldstein, stance=self.coding.stance)
        return self.coding


@dataclass(frozen=True)
class Taxonomy:
    namespace: str
    version: str
    types: dict[str, EventType]
    future_agree: frozenset[str] = frozenset()

    def __getitem__(self, name: str) -> EventType:
        try:
            return self.types[name]
        except KeyError:
            raise KeyError(f"unknown event type {name!r}; known: {', '.join(self.types)}") from None

    def __contains__(self, name: object) -> bool:
        return name in self.types

    def for_cameo(self, code: str) -> EventType | None:
        """The type whose CAMEO root is the longest prefix of code (None when no type covers it)."""
        best: tuple[int, EventType] | None = None
        for et in self.types.values():
            for root in et.cameo_roots:
                if code.startswith(root) and (best is None or len(root) > best[0]):
                    best = (len(root), et)
        return best[1] if best else None


def _coding(d: dict, defaults: dict | None = None) -> Coding:
    d = {**(defaults or {}), **d}
    stance = d["stance"]
    if stance not in STANCES:
        raise ValueError(f"event-types.toml: stance {stance!r} is not one of {STANCES}")
    return Coding(
        plover=d["plover"],
        mode=d.get("mode"),
        cameo=d["cameo"],
        score=float(d["score"]),
        goldstein=float(d["goldstein"]),
        stance=stance,
    )


def _prepositions(type_name: str, value: object) -> tuple[str, ...]:
    """recipient_preps of one type: a list of single lower-case words (a bare string would be read
    letter by letter, so it is refused)."""
    if not isinstance(value, list) or not all(isinstance(w, str) and w.isalpha() and w.islower() for w in value):
        raise ValueError(f"event-types.toml: {type_name}.recipient_preps must be a list of lower-case words, got {value!r}")
    return tuple(value)


@cache
def taxonomy() -> Taxonomy:
    path = ontology_dir() / "event-types.toml"
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    types: dict[str, EventType] = {}
    for name, d in raw["types"].items():
        base = {k: v for k, v in d.items() if k not in ("when_supporting", "when_intended", "modes")}
        if "mode" not in d:
            base["mode"] = None
        types[name] = EventType(
            name=name,
            label=d["label"],
            comment=d["comment"],
            coding=_coding(base),
            when_supporting=_coding(d["when_supporting"], {"mode": None}) if "when_supporting" in d else None,
            cameo_roots=tuple(d.get("cameo_roots", ())),
            triggers=tuple(d.get("triggers", ())),
            modes={m: tuple(words) for m, words in d.get("modes", {}).items()},
            when_intended=_coding(d["when_intended"], {"mode": None}) if "when_intended" in d else None,
            recipient_preps=_prepositions(name, d.get("recipient_preps", [])),
        )
    return Taxonomy(namespace=raw["namespace"], version=raw["version"], types=types,
                    future_agree=frozenset(raw.get("plover_future_agree", ())))
