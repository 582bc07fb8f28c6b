"""Train the sentence-level event-type classifier (loaders/extract/classifier.py).

    python -m loaders.extract.train_classifier            # train into the cache folder, print where
    python -m loaders.extract.train_classifier --cv 5     # k-fold cross-validation on the training data
    python -m loaders.extract.train_classifier --out DIR  # train into DIR
    python -m loaders.extract.train_classifier --if-missing  # scripts/install: only when not trained yet

Deterministic: fixed seed, the data in file order shuffled by a seeded generator, one thread. Trains
in a few seconds on CPU (parsing the 800 sentences with the English pipeline takes most of it).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from loaders.extract.classifier import (
    NONE,
    SETTINGS,
    TRAINING_FILE,
    EventClassifier,
    features,
    model_dir,
    save,
    training_rows,
)


def training_docs(rows: list[dict]) -> list[tuple[list[str], str]]:
    """(features, label) for each row, from the same parse the extractor uses."""
    from loaders.extract.nlp import load_nlp

    nlp = load_nlp()
    docs = nlp.pipe([r["text"] for r in rows], batch_size=64)
    return [(features(d[:]), r["label"]) for d, r in zip(docs, rows, strict=True)]


def train(data: list[tuple[list[str], str]], labels: list[str] | None = None) -> Language:
    fix_random_seed(SETTINGS["seed"])
    labels = labels or sorted({lab for _, lab in data})
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": {
        "@architectures": SETTINGS["arch"], "exclusive_classes": True, "ngram_size": SETTINGS["ngram_size"],
        "no_output_layer": False, "length": SETTINGS["length"]}})
    for lab in labels:
        textcat.add_label(lab)
    examples = [Example.from_dict(Doc(nlp.vocab, words=words), {"cats": {lab: float(lab == gold) for lab in labels}})
                for words, gold in data]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(SETTINGS["seed"])
    order = list(range(len(examples)))
    for _ in range(SETTINGS["epochs"]):
        rng.shuffle(order)
        for batch in minibatch([examples[i] for i in order], size=SETTINGS["batch"]):
            nlp.update(batch, sgd=optimizer, drop=0.0)
    return nlp


def cv_predictions(data: list[tuple[list[str], str]], k: int = 5) -> list[tuple[str, str, float]]:
    """(gold, predicted, probability) for every sentence, predicted by the model of the k-1 folds
    it is not in (a seeded shuffle, then every k-th sentence)."""
    labels = sorted({lab for _, lab in data})
    idx = list(range(len(data)))
    random.Random(SETTINGS["seed"]).shuffle(idx)
    pairs: list[tuple[str, str, float]] = []
    for fold in range(k):
        test = [i for n, i in enumerate(idx) if n % k == fold]
        clf = EventClassifier(train([data[i] for n, i in enumerate(idx) if n % k != fold], labels))
        preds = clf.nlp.pipe([Doc(clf.nlp.vocab, words=data[i][0]) for i in test])
        for i, d in zip(test, preds, strict=True):
            lab, p = max(d.cats.items(), key=lambda kv: kv[1])
            pairs.append((data[i][1], lab, p))
    return pairs


def cv_report(pairs: list[tuple[str, str, float]], thresholds: tuple[float, ...] = (0.3, 0.4, 0.5, 0.6)) -> dict:
    """Accuracy, macro-F1 over the event types, and, per threshold, how well 'some event with
    p >= threshold' picks the right type (precision), how many events it finds (recall) and how
    many NONE sentences it fires on."""
    labels = sorted({g for g, _, _ in pairs} | {p for _, p, _ in pairs})
    acc = sum(g == p for g, p, _ in pairs) / len(pairs)
    f1s = {}
    for lab in labels:
        if lab == NONE:
            continue
        tp = sum(g == lab and p == lab for g, p, _ in pairs)
        fp = sum(g != lab and p == lab for g, p, _ in pairs)
        fn = sum(g == lab and p != lab for g, p, _ in pairs)
        f1s[lab] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    n_events = sum(g != NONE for g, _, _ in pairs)
    n_none = len(pairs) - n_events
    sweep = {}
    for th in thresholds:
        fired = [(g, p) for g, p, s in pairs if p != NONE and s >= th]
        right = sum(g == p for g, p in fired)
        sweep[str(th)] = {"fired": len(fired), "precision": round(right / len(fired), 3) if fired else 0.0,
                          "recall": round(right / n_events, 3),
                          "none_fired_rate": round(sum(g == NONE for g, _ in fired) / max(1, n_none), 3)}
    return {"n": len(pairs), "accuracy": round(acc, 3), "macro_f1_types": round(sum(f1s.values()) / len(f1s), 3),
            "by_threshold": sweep, "per_type_f1": {k: round(v, 2) for k, v in sorted(f1s.items())}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(TRAINING_FILE))
    ap.add_argument("--out", default=None, help="folder to write the model to (default: the cache folder)")
    ap.add_argument("--cv", type=int, default=0, help="k-fold cross-validation instead of training")
    ap.add_argument("--if-missing", action="store_true", help="do nothing when the model is already trained")
    args = ap.parse_args(argv)
    import json

    out = Path(args.out) if args.out else model_dir(Path(args.data))
    if args.if_missing and not args.cv and (out / "config.cfg").is_file():
        print(out)
        return 0
    rows = training_rows(Path(args.data))
    data = training_docs(rows)
    labels = Counter(r["label"] for r in rows)
    if args.cv:
        print(f"{len(rows)} sentences: {dict(labels.most_common())}", file=sys.stderr)
        print(json.dumps(cv_report(cv_predictions(data, args.cv)), indent=1))
        return 0
    print(f"training the event-type classifier on {len(rows)} sentences ({len(labels)} labels)", file=sys.stderr)
    save(train(data), out)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
