"""A learned event-type classifier, and the recall hook that uses it.

The classifier is a spaCy ``textcat`` (exclusive classes, bag of words and bigrams) trained on
loaders/extract/training/event_sentences.jsonl: 800 sentences written and labelled by the project
with one of the taxonomy's types or NONE. It reads words as the lemmas the English pipeline already
gave them, each followed by T_<type> for the types whose taxonomy triggers include it, with named
entities replaced by their label (GPE, PERSON, ORG ...) and numbers by NUM, so it learns how an act
is told, not who did it.

The hook (``propose``), for recall: every verb with a known doer (its subject or passive agent, as
the rules resolve it) that the rules did not read as a trigger has its clause classified. When the
classifier gives a type T with p >= MIN_P, the rules found no T in that sentence, and the taxonomy
does not list the verb as a trigger of another type, the clause is read as T by the extractor's own
clause reader (ArticleReader._finish: roles.py, the type's recipient prepositions, Mentions
resolution, places, dates, polarity). The event is kept only with a recipient of another state than
the doer's, asserted or planned, and not told already (same type and doer, or same type between
the same states). It carries the attributes ``source = "classifier"`` and ``classifier_p`` so users
can filter it, and a confidence of at most 0.6.

The model is trained deterministically (fixed seed, data order, one thread) by
``python -m loaders.extract.train_classifier`` (scripts/install runs it) into a cache folder keyed by
a hash of the training data and the trainer's settings (GEOKG_CLASSIFIER_DIR, else
~/.cache/geokg); when that folder is missing it is trained on first use (about ten seconds).
Switch: GEOKG_EVENT_CLASSIFIER=0 turns the hook off (on by default: bench/RESULTS.md, "Learned
event-type classifier"); GEOKG_EVENT_CLASSIFIER_MIN_P sets the threshold.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.model import Polarity
from loaders.extract import roles as R
from loaders.extract.merge import SPEECH_TYPES, party, state
from loaders.extract.reading import NO_RULES
from loaders.extract.rules import Trigger

TRAINING_FILE = Path(__file__).with_name("training") / "event_sentences.jsonl"
NONE = "NONE"
ENV_SWITCH = "GEOKG_EVENT_CLASSIFIER"
ENV_DIR = "GEOKG_CLASSIFIER_DIR"
ENV_MIN_P = "GEOKG_EVENT_CLASSIFIER_MIN_P"
DEFAULT_ON = True
MIN_P = 0.5
MAX_CONFIDENCE = 0.6
# Trainer settings: part of the cache key, so a change retrains.
SETTINGS = {"arch": "spacy.TextCatBOW.v3", "ngram_size": 2, "length": 2**15, "epochs": 20, "batch": 16,
            "seed": 0, "features": 3}
ENTITY_LABELS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}
# Types whose act is itself a verb of saying ('warned', 'accused', 'denied'): the speech verb may carry it.
SAYING_TYPES = SPEECH_TYPES | {"Rejection", "Sympathy"}


class ClassifierSettingError(ValueError):
    """A GEOKG_EVENT_CLASSIFIER* environment variable with a value that means nothing."""


def enabled() -> bool:
    raw = os.environ.get(ENV_SWITCH, "").strip().lower()
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    if raw:
        raise ClassifierSettingError(f"{ENV_SWITCH}={raw!r}: use 1 (on) or 0 (off)")
    return DEFAULT_ON


def min_p() -> float:
    raw = os.environ.get(ENV_MIN_P, "").strip()
    if not raw:
        return MIN_P
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0.0 < value <= 1.0:
        raise ClassifierSettingError(f"{ENV_MIN_P}={raw!r}: a probability above 0 and at most 1")
    return value


# -- features ----------------------------------------------------------------------------------------
def features(tokens: Iterable[Token]) -> list[str]:
    """What the classifier reads: lemmas in lower case, each followed by T_<type> for the types whose
    taxonomy triggers include it, a named entity as its label, numbers as NUM, dates as DATE."""
    out: list[str] = []
    prev = -2
    for t in tokens:
        follows, prev = t.i == prev + 1, t.i
        if t.is_space or t.is_punct:
            continue
        if t.ent_type_ in ENTITY_LABELS:
            if t.ent_iob_ == "B" or not follows:
                out.append(t.ent_type_)
            continue
        if t.like_num or t.ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
            if not out or out[-1] != "NUM":
                out.append("NUM")
            continue
        if t.ent_type_ == "DATE":
            if not out or out[-1] != "DATE":
                out.append("DATE")
            continue
        lemma = (t.lemma_ or t.text).lower()
        out.append(lemma)
        if SETTINGS["features"] >= 3:
            out.extend(f"T_{name}" for name in _trigger_types().get(lemma, ()))
        if t.dep_ == "neg":
            out.append("NEG")
    return out or ["EMPTY"]


@cache
def _trigger_types() -> dict[str, tuple[str, ...]]:
    """The types whose taxonomy triggers (single words, or the words of a phrase) include a lemma."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from kg.ontology import taxonomy

    out: dict[str, set[str]] = {}
    for et in taxonomy().types.values():
        for phrase in et.triggers:
            for w in phrase.lower().split():
                if w not in STOP_WORDS:  # 'show of force': 'show' and 'force', not 'of'
                    out.setdefault(w, set()).add(et.name)
    return {w: tuple(sorted(ts)) for w, ts in out.items()}


# -- the model --------------------------------------------------------------------------------------
def training_rows(path: Path = TRAINING_FILE) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def cache_key(path: Path = TRAINING_FILE) -> str:
    h = hashlib.sha256(path.read_bytes())
    h.update(json.dumps(SETTINGS, sort_keys=True).encode())
    return h.hexdigest()[:16]


def model_dir(path: Path = TRAINING_FILE) -> Path:
    base = os.environ.get(ENV_DIR) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "geokg")
    return Path(base) / f"event-classifier-{cache_key(path)}"


@dataclass
class EventClassifier:
    nlp: Language

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.nlp.get_pipe("textcat").labels)

    def scores(self, spans: Sequence[Iterable[Token]]) -> list[dict[str, float]]:
        docs = [Doc(self.nlp.vocab, words=features(s)) for s in spans]
        return [dict(d.cats) for d in self.nlp.pipe(docs, batch_size=64)]

    def predict(self, spans: Sequence[Iterable[Token]]) -> list[tuple[str, float]]:
        return [max(c.items(), key=lambda kv: kv[1]) for c in self.scores(spans)]

    def label_texts(self, texts: Iterable[str]) -> list[tuple[str, float]]:
        from loaders.extract.nlp import load_nlp

        return self.predict([doc[:] for doc in load_nlp().pipe(texts)])


@cache
def load_classifier() -> EventClassifier:
    """The trained classifier, from its cache folder, trained there first if missing."""
    import spacy

    path = model_dir()
    if not (path / "config.cfg").is_file():
        from loaders.extract.train_classifier import train, training_docs

        nlp = train(training_docs(training_rows()))
        with contextlib.suppress(OSError):  # a read-only cache: keep the model in memory for this process
            save(nlp, path)
        return EventClassifier(nlp)
    return EventClassifier(spacy.load(path))


def save(nlp: Language, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    nlp.to_disk(tmp)
    try:
        os.replace(tmp, path)
    except OSError:
        if not (path / "config.cfg").is_file():
            raise


# -- the recall hook --------------------------------------------------------------------------------
def clause(v: Token) -> list[Token]:
    """The words of a verb's clause: its subtree without the clauses joined to it ('X met Y and
    attacked Z': the first clause is 'X met Y'), with its subject when it is inherited."""
    skip = {t.i for c in v.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    toks = [t for t in v.subtree if t.i not in skip]
    inside = {t.i for t in toks}
    subj = [s for s in R.subject(v) if s.i not in inside][:1]
    return [t for s in subj for t in s.subtree] + toks


def propose(reader, found: list, classifier: EventClassifier | None = None, threshold: float | None = None) -> list:
    """Events the rules missed: each verb with a known doer is classified by its clause; a type the
    classifier gives with p >= threshold that the rules found in no event of that sentence is read
    from the clause by the extractor's own clause reader (see the module docstring)."""
    from kg.ontology import taxonomy

    doc = reader.doc
    clf = classifier or load_classifier()
    threshold = min_p() if threshold is None else threshold
    covered: dict[int, set[str]] = {}
    for f in found:
        covered.setdefault(doc[f.trigger].sent.start, set()).add(f.type)
    known = {(f.type, frozenset(a.id for a in f.actors)) for f in found} | {_sides(f) for f in found}
    # a rule event's doers: an event of the same type and doers would merge with it (merge.py)
    known |= {(f.type, _parties(f)) for f in found}
    read = {f.trigger for f in found}  # verbs the rules typed already
    verbs, actors_of = [], {}
    for sent in doc.sents:
        if len(sent) > 120:
            continue
        for v in sent:
            if v.pos_ != "VERB" or v.i in read or len(list(v.subtree)) < 3:
                continue
            actors = [e for s in R.subject(v) for e in reader.resolve(s)]
            if actors:
                verbs.append(v)
                actors_of[v.i] = actors
    if not verbs:
        return []
    tax = taxonomy()
    out = []
    for v, (label, p) in zip(verbs, clf.predict([clause(v) for v in verbs]), strict=True):
        if label == NONE or p < threshold or label not in tax or label in covered.get(v.sent.start, ()):
            continue
        if v.lemma_.lower() in reader.rules.speech and label not in SAYING_TYPES:
            continue  # 'X said Y struck Z': the striking is Y's clause, not the speaker's
        if (lexicon := _trigger_types().get(v.lemma_.lower())) and label not in lexicon:
            continue  # the taxonomy says what this verb means ('thanked': Praise), the classifier another type
        f = _read(reader, v, actors_of[v.i], label, tax[label], reader.rules.types.get(label, NO_RULES))
        if f is None or (f.type, frozenset(a.id for a in f.actors)) in known or (f.type, _parties(f)) in known or (
                _sides(f) in known) or (
                _sides(f, reverse=True) in known and reader.rules.types.get(label, NO_RULES).symmetric):
            continue  # told already: by the same doer, or between the same states ('talks attended by A's minister')
        f.attributes["source"] = "classifier"
        f.attributes["classifier_p"] = round(p, 3)
        f.confidence = round(min(f.confidence, p, MAX_CONFIDENCE), 2)
        known |= {(f.type, frozenset(a.id for a in f.actors)), _sides(f), (f.type, _parties(f))}
        covered.setdefault(v.sent.start, set()).add(label)
        out.append(f)
    return out


def _sides(f, reverse: bool = False) -> tuple:
    """(type, the doers' states, the recipients' states): one act between two states however told."""
    a = frozenset(map(state, f.actors))
    r = frozenset(map(state, f.recipients))
    return (f.type, r, a) if reverse else (f.type, a, r)


def _parties(f) -> frozenset:
    """The doers as merge.py keys them: an event with the same type and parties merges with it."""
    return frozenset(party(f.type, a) for a in f.actors)


def _read(reader, v: Token, actors: list, label: str, et, tr):
    """The verb's clause read as an act of type `label` by the extractor's clause reader
    (ArticleReader._finish): None without a recipient of another state, or when denied or hypothetical."""
    recipients = []
    if len(actors) > 1 and tr.symmetric:
        actors, recipients = reader.symmetric_sides(actors)
    objs = R.objects(v)
    lemma = v.lemma_.lower()
    f = reader._finish(label, Trigger(et, (lemma,), lemma), tr, v, False, actors, recipients, objs, objs,
                       reader.attribution(v), False)
    if f is None:
        return None
    f.attributes.pop("_consumed", None)
    f.attributes.pop("_blamed", None)
    linked = reader.m.gz.entities
    if not all(e.id in linked for e in (*f.actors, *f.recipients)):
        return None  # parties the gazetteer links only (not a name met for the first time)
    own = {a.country for a in f.actors if a.country}
    f.recipients = [r for r in f.recipients if not (r.country and r.country in own)]
    if not f.recipients or f.polarity in (Polarity.DENIED, Polarity.HYPOTHETICAL):
        return None  # 'X was represented by ministers A, B and C': no act between two parties
    return f


__all__ = ["ClassifierSettingError", "EventClassifier", "enabled", "features", "load_classifier", "propose", "NONE",
           "TRAINING_FILE"]
