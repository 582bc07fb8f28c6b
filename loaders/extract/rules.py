"""The trigger index (from the taxonomy) and the argument rules (from rules.toml beside this file)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.ontology import EventType, taxonomy

RULES_FILE = Path(__file__).with_name("rules.toml")


@dataclass(frozen=True)
class TypeRules:
    object_class: dict[str, str] = field(default_factory=dict)
    nominal: frozenset[str] = frozenset()
    needs_recipient: bool = False
    reactive: bool = False
    symmetric: bool = False
    speaker_actor: frozenset[str] = frozenset()
    recapture_lemmas: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Trigger:
    """One trigger of one type: its words (the first is the anchor's lemma)."""

    type: EventType
    words: tuple[str, ...]
    phrase: str


@dataclass(frozen=True)
class Rules:
    classes: dict[str, frozenset[str]]
    speech: frozenset[str]
    acknowledge: frozenset[str]
    modality: dict[str, frozenset[str]]
    types: dict[str, TypeRules]
    by_word: dict[str, tuple[Trigger, ...]]

    def in_class(self, lemma: str, name: str) -> bool:
        return lemma in self.classes.get(name, frozenset())


@cache
def rules() -> Rules:
    raw = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    tax = taxonomy()
    unknown = set(raw.get("types", {})) - set(tax.types)
    if unknown:
        raise ValueError(f"{RULES_FILE.name}: types not in the taxonomy: {', '.join(sorted(unknown))}")
    types = {}
    for name, d in raw.get("types", {}).items():
        types[name] = TypeRules(
            object_class=dict(d.get("object_class", {})),
            nominal=frozenset(d.get("nominal", ())),
            needs_recipient=bool(d.get("needs_recipient", False)),
            reactive=bool(d.get("reactive", False)),
            symmetric=bool(d.get("symmetric", False)),
            speaker_actor=frozenset(d.get("speaker_actor", ())),
            recapture_lemmas=frozenset(d.get("recapture_lemmas", ())),
        )
    by_word: dict[str, list[Trigger]] = {}
    for et in tax.types.values():
        for phrase in et.triggers:
            words = tuple(phrase.lower().split())
            # Multiword triggers are indexed under every word: the anchor may be any of them
            # ("call for": the verb; "military aid": the noun).
            for w in set(words):
                by_word.setdefault(w, []).append(Trigger(et, words, phrase))
    for name, tr in types.items():
        # A verb that makes an event of a type only with the right object ('move forces to') is a
        # trigger of that type under that condition, whether or not the taxonomy lists it.
        et = tax.types[name]
        conditional = [lemma for lemma, need in tr.object_class.items() if need != "never"]
        conditional += [w for w in tr.nominal if " " not in w]  # nouns allowed as triggers of the type
        for lemma in conditional:
            if not any(t.type.name == name and t.words == (lemma,) for t in by_word.get(lemma, ())):
                by_word.setdefault(lemma, []).append(Trigger(et, (lemma,), lemma))
    mod = {k: frozenset(v) for k, v in raw.get("modality", {}).items()}
    return Rules(
        classes={k: frozenset(v) for k, v in raw["classes"].items()},
        speech=frozenset(raw["speech"]["verbs"]),
        acknowledge=frozenset(raw["speech"]["acknowledge"]),
        modality=mod,
        types=types,
        by_word={w: tuple(sorted(ts, key=lambda t: -len(t.words))) for w, ts in by_word.items()},
    )
