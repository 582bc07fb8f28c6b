"""Measure the extractor against gold: `python -m loaders.evaluate [seed] [dev] [petrarch] [plover]`.

- seed: seeds/north-korea-troops-russia.expected.json (written by reading the seed article).
- dev: ../shared/dev-corpus (real articles with gold events), scored by the rules of its README;
  ../shared/tools/score_events.py, the official scorer, is run beside it as a cross-check.
- petrarch: ../shared/data/petrarch/PETR2_GSR_validation.xml: CAMEO root codes and source/target
  states of sentences coded with a state-to-state event.
- plover: ../shared/data/plover/PLOVER_GSR_CAMEO.txt: PLOVER event types.
Sets that need ../shared are skipped when it is absent. Nothing from ../shared is copied here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from kg.model import Article, Event

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "north-korea-troops-russia"
ALL = ("seed", "dev", "petrarch", "plover")

# The gold files' vocabulary for the project's types (dev-corpus README, "Gold conventions").
GOLD_CODE = {
    "Deployment": "DEPLOY", "MilitaryAid": "MILITARY_AID", "Attack": "ASSAULT", "Seizure": "SEIZE",
    "Condemnation": "CONDEMN", "Accusation": "ACCUSE", "Praise": "PRAISE", "Agreement": "AGREE",
    "Sanction": "SANCTION", "Meeting": "MEET", "Denial": "DENY", "Threat": "THREATEN", "Demand": "DEMAND",
}
STATE_SUFFIXES = ("", "GOV", "MIL")
# The PLOVER gold-standard records predate PLOVER 0.8, which renamed three types and folded
# INVESTIGATE into ACCUSE (mode investigate; CAMEO 09 -> ACCUSE in CAMEO2PLOVER-2021).
PLOVER_RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


# -- matching, as the dev corpus README describes it ----------------------------------------------
def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def _name_states() -> dict[str, str]:
    """Names of states and people -> ISO3, from the project's gazetteer."""
    from loaders.extract.gazetteer import load_gazetteer

    out: dict[str, str] = {}
    for ent in load_gazetteer().entities.values():
        if ent.country and ent.kind.value in ("State", "Person", "Organisation", "ArmedGroup"):
            for name in (ent.name, *ent.aliases):
                out.setdefault(norm(name), ent.country)
    return out


def _keys(name: str, states: dict[str, str]) -> set[tuple[str, str]]:
    n = norm(name)
    keys = {("name", n)}
    if n in states:
        keys.add(("state", states[n]))
    return keys


def _entity_keys(ent: dict, states: dict[str, str]) -> set[tuple[str, str]]:
    keys = {("name", norm(ent.get("name")))} | {("name", norm(a)) for a in ent.get("aliases", []) or []}
    if isinstance(ent.get("country"), str) and len(ent["country"]) == 3:
        keys.add(("state", ent["country"].upper()))
    if norm(ent.get("name")) in states:
        keys.add(("state", states[norm(ent.get("name"))]))
    return keys


def names_match(gold: str | None, entities: list[dict], states: dict[str, str]) -> bool:
    if not gold:
        return True
    for part in (p.strip() for p in gold.split(";") if p.strip()):
        g, gn = _keys(part, states), norm(part)
        for ent in entities:
            e = _entity_keys(ent, states)
            if g & e:
                return True
            if any(k == "name" and v and (v in gn or gn in v) and min(len(v), len(gn)) >= 4 for k, v in e):
                return True
    return False


def category(ev: dict) -> str | None:
    return GOLD_CODE.get(ev.get("type", ""))


def _same(g: dict, p: dict, level: str, states: dict[str, str]) -> bool:
    if category(p) != g["type"] or not names_match(g["actor"], p.get("actors", []), states):
        return False
    return level != "full" or not g.get("target") or names_match(g["target"], p.get("recipients", []), states)


def score(gold: dict[str, list[dict]], preds: dict[str, list[dict]]) -> dict[str, Any]:
    """Precision, recall and F1 (event level: type and actor; full: also the recipient), per type,
    and a confusion table of gold type -> predicted type for events whose actor matches."""
    states = _name_states()
    tot: Counter = Counter()
    per_type: dict[str, Counter] = defaultdict(Counter)
    confusion: Counter = Counter()
    misses, extras = [], []
    for art, g_all in gold.items():
        g_events = [g for g in g_all if g["type"] != "OTHER" and not g.get("optional")]
        g_optional = [g for g in g_all if g["type"] != "OTHER" and g.get("optional")]
        for level in ("event", "full"):
            p_events = [p for p in preds.get(art, []) if category(p) and not (
                any(_same(g, p, level, states) for g in g_optional)
                and not any(_same(g, p, level, states) for g in g_events))]
            used: set[int] = set()
            for g in g_events:
                k = next((k for k, p in enumerate(p_events) if k not in used and _same(g, p, level, states)), None)
                if k is None:
                    if level == "event":
                        misses.append(f"{art} {g['type']} {g['actor']} -> {g.get('target')}")
                    continue
                used.add(k)
                tot[f"{level}_hit"] += 1
                if level == "event":
                    per_type[g["type"]]["hit"] += 1
            for p in p_events:
                ok = any(_same(g, p, level, states) for g in g_events)
                tot[f"{level}_right"] += ok
                if level == "event":
                    per_type[category(p)]["pred"] += 1
                    per_type[category(p)]["right"] += ok
                    if not ok:
                        extras.append(f"{art} {p['type']} {[a.get('name') for a in p.get('actors', [])]}")
            tot[f"{level}_gold"] += len(g_events)
            tot[f"{level}_pred"] += len(p_events)
        for g in g_events:
            per_type[g["type"]]["gold"] += 1
            same_actor = [p for p in preds.get(art, []) if names_match(g["actor"], p.get("actors", []), states)]
            cats = {category(p) or p.get("type") for p in same_actor}
            confusion[(g["type"], g["type"] if g["type"] in cats else (sorted(cats)[0] if cats else "(none)"))] += 1
    out: dict[str, Any] = {}
    for level in ("event", "full"):
        out[level] = _prf(tot[f"{level}_right"], tot[f"{level}_pred"], tot[f"{level}_hit"], tot[f"{level}_gold"])
    out["per_type"] = {t: {**_prf(c["right"], c["pred"], c["hit"], c["gold"]), "gold": c["gold"], "predicted": c["pred"]}
                       for t, c in sorted(per_type.items())}
    out["confusion"] = {f"{g} -> {p}": n for (g, p), n in sorted(confusion.items())}
    out["misses"], out["extras"] = misses, extras
    return out


def _prf(right: int, pred: int, hit: int, gold: int) -> dict[str, float]:
    p = right / pred if pred else 0.0
    r = hit / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "gold": gold, "predicted": pred}


# -- the sets ---------------------------------------------------------------------------------------
def _extract(articles: list[Article], workers: int = 1) -> dict[str, list[Event]]:
    from loaders.extract import Extractor

    return {ex.article.id: ex.events for ex in Extractor(workers=workers).extract(articles)}


def eval_seed() -> dict[str, Any]:
    meta = json.loads(SEED.with_suffix(".meta.json").read_text(encoding="utf-8"))
    text = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    art = Article(id="seed", text=text, title=meta.get("title"), published=dt.date.fromisoformat(meta["published"]))
    gold = json.loads(Path(f"{SEED}.expected.json").read_text(encoding="utf-8"))
    events = _extract([art])["seed"]
    preds = [e.to_dict() for e in events]
    report = score({"seed": gold}, {"seed": preds})
    report["events"] = len(events)
    return report


def dev_articles(folder: Path) -> list[Article]:
    arts = []
    for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            d["source"] = d.get("outlet")
            arts.append(Article.from_dict(d))
    return arts


def eval_dev(workers: int = 1) -> dict[str, Any]:
    folder = SHARED / "dev-corpus"
    arts = dev_articles(folder)
    events = _extract(arts, workers)
    gold = {a.id: json.loads((folder / f"{a.id}.gold.json").read_text(encoding="utf-8")) for a in arts}
    preds = {k: [e.to_dict() for e in v] for k, v in events.items()}
    report = score(gold, preds)
    scorer = SHARED / "tools" / "score_events.py"
    if scorer.is_file():
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
            for evs in events.values():
                for e in evs:
                    fh.write(e.to_json() + "\n")
        run = subprocess.run([sys.executable, str(scorer), str(folder / "articles.jsonl"), str(folder), fh.name],
                             capture_output=True, text=True, timeout=300)
        Path(fh.name).unlink(missing_ok=True)
        line = next((ln for ln in run.stdout.splitlines() if ln.startswith("event F1")), run.stderr.strip()[-200:])
        report["official"] = line
    return report


def petrarch_records(path: Path) -> list[dict[str, Any]]:
    """(id, date, text, codings) of each validation sentence. The file is not well-formed XML
    (parse trees sit in it raw), so its few tags are read with patterns."""
    raw = path.read_text(encoding="utf-8")
    out = []
    for block in re.split(r"(?=<Sentence\s)", raw)[1:]:
        head = re.match(r"<Sentence\s([^>]*)>", block)
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', head[1])) if head else {}
        codings = [dict(re.findall(r'(\w+)="([^"]*)"', c)) for c in re.findall(r"<EventCoding\s([^>]*)/?>", block)]
        text = re.search(r"<Text>(.*?)</Text>", block, re.S)
        out.append({"id": attrs.get("id"), "date": attrs.get("date"),
                    "codings": [(c["eventcode"], c.get("sourcecode", ""), c.get("targetcode", "")) for c in codings
                                if c.get("eventcode")],
                    "text": " ".join(text[1].split()) if text else ""})
    return out


def _state_code(code: str, known: set[str]) -> str | None:
    return code[:3] if code[:3] in known and code[3:] in STATE_SUFFIXES else None


def eval_petrarch(workers: int = 1) -> dict[str, Any]:
    from loaders.extract.gazetteer import load_gazetteer

    known = {e.country for e in load_gazetteer().entities.values() if e.kind.value == "State" and e.country}
    recs = []
    for r in petrarch_records(SHARED / "data" / "petrarch" / "PETR2_GSR_validation.xml"):
        pairs = [(c[:2], _state_code(s, known), _state_code(t, known)) for c, s, t in r["codings"]]
        pairs = [p for p in pairs if p[1] and p[2]]
        if pairs and r["text"]:
            recs.append((r, pairs))
    arts = [Article(id=r["id"], text=r["text"], published=_ymd(r["date"])) for r, _ in recs]
    events = _extract(arts, workers)
    from kg.relations import stance

    tally: dict[str, Counter] = defaultdict(Counter)
    for k, (r, pairs) in enumerate(recs):
        evs = events.get(r["id"], [])
        roots = {(e.cameo or "")[:2] for e in evs}
        root = any(p[0] in roots for p in pairs)
        # strict: a sentence given several roots agrees only in the share of them that is right
        strict = sum(any(p[0] == x for p in pairs) for x in roots) / len(roots) if roots else 0.0
        # the parties of a contact or an agreement (stance 'engages') are coded in either order
        state = any(
            _parties(e, s, t) or (stance(e) == "engages" and _parties(e, t, s))
            for e in evs for _, s, t in pairs)
        for key in ("all", "half A (even)" if k % 2 == 0 else "half B (odd)"):
            tally[key].update(sentences=1, with_events=bool(evs), root=root, state=state)
            tally[key]["strict"] += strict
    out = _agreement(tally.pop("all"))
    out["halves"] = {k: _agreement(v) for k, v in sorted(tally.items())}
    return out


def _parties(e: Event, source: str, target: str) -> bool:
    return any(a.country == source for a in e.actors) and any(x.country == target for x in e.recipients)


def _agreement(c: Counter) -> dict[str, Any]:
    """Root and state agreement over the sentences with an event (covered) and over all of them:
    a sentence the extractor finds no event in counts as a disagreement in the second."""
    n, coded = c["sentences"], c["with_events"]
    return {"sentences": n, "with_events": coded, "coverage": _ratio(coded, n),
            "root_agreement": _ratio(c["root"], coded), "root_agreement_strict": round(c["strict"] / coded, 3) if coded else 0.0,
            "state_agreement": _ratio(c["state"], coded),
            "root_agreement_all": _ratio(c["root"], n), "state_agreement_all": _ratio(c["state"], n)}


def eval_plover(workers: int = 1) -> dict[str, Any]:
    from kg.ontology import taxonomy

    ours = {c.plover for et in taxonomy().types.values()
            for c in (et.coding, et.when_supporting, et.when_intended) if c is not None}
    data = json.loads((SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    recs = [r for r in data if r.get("text") and r.get("event") not in (None, "DOCUMENT")]
    arts = [Article(id=r["id"], text=r["text"], published=_iso(r.get("date"))) for r in recs]
    events = _extract(arts, workers)
    coded = agree = 0
    strict = 0.0
    per: dict[str, Counter] = defaultdict(Counter)
    halves: dict[str, Counter] = defaultdict(Counter)
    for k, r in enumerate(recs):
        evs = events.get(r["id"], [])
        per[r["event"]]["gold"] += 1
        half = halves["half A (even)" if k % 2 == 0 else "half B (odd)"]
        half["records"] += 1
        if not evs:
            continue
        coded += 1
        gold = PLOVER_RENAMED.get(r["event"], r["event"])
        ok = any(e.plover_type == gold for e in evs)
        agree += ok
        # strict: a record given several types agrees only in the share of them that is right
        kinds = {e.plover_type for e in evs}
        strict += (gold in kinds) / len(kinds)
        per[r["event"]]["coded"] += 1
        per[r["event"]]["agree"] += ok
        half.update(with_events=1, agree=ok)
    return {"records": len(recs), "with_events": coded, "coverage": _ratio(coded, len(recs)),
            "type_agreement": _ratio(agree, coded), "type_agreement_strict": round(strict / coded, 3) if coded else 0.0,
            "type_recall": _ratio(agree, len(recs)),
            "halves": {k: {"records": v["records"], "with_events": v["with_events"],
                           "type_agreement": _ratio(v["agree"], v["with_events"]),
                           "type_recall": _ratio(v["agree"], v["records"])} for k, v in sorted(halves.items())},
            "types_we_code": sorted(ours),
            "per_type": {k: dict(v) for k, v in sorted(per.items())}}


def _ymd(s: str | None) -> dt.date | None:
    try:
        return dt.datetime.strptime(s or "", "%Y%m%d").date()
    except ValueError:
        return None


def _iso(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s) if s else None
    except ValueError:
        return None


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def run_eval(which: list[str] | None = None, workers: int = 1) -> dict[str, Any]:
    """{"seed": ..., "dev": ..., "petrarch": ..., "plover": ...}; a set that needs ../shared is
    {"skipped": reason} without it."""
    report: dict[str, Any] = {}
    for name in which or ALL:
        if name not in ALL:
            raise ValueError(f"unknown evaluation set {name!r}; choose from {', '.join(ALL)}")
        if name != "seed" and not SHARED.is_dir():
            report[name] = {"skipped": f"{SHARED} is not present"}
            continue
        report[name] = {"seed": eval_seed, "dev": lambda: eval_dev(workers), "petrarch": lambda: eval_petrarch(workers),
                        "plover": lambda: eval_plover(workers)}[name]()
    return report


def format_report(report: dict[str, Any], verbose: bool = False) -> str:
    lines: list[str] = []
    for name, r in report.items():
        lines.append(f"== {name}")
        if "skipped" in r:
            lines.append(f"   skipped: {r['skipped']}")
            continue
        if "event" in r:
            for level in ("event", "full"):
                x = r[level]
                lines.append(f"   {level:5s}  P {x['precision']:.3f}  R {x['recall']:.3f}  F1 {x['f1']:.3f}"
                             f"  (gold {x['gold']}, predicted {x['predicted']})")
            if r.get("official"):
                lines.append(f"   official scorer: {r['official']}")
            lines.append("   per type:        P      R     F1  gold  pred")
            for t, x in r["per_type"].items():
                lines.append(f"   {t:13s} {x['precision']:6.3f} {x['recall']:6.3f} {x['f1']:6.3f}"
                             f" {x['gold']:5d} {x['predicted']:5d}")
            lines.append("   confusion (gold -> predicted, same actor):")
            for k, n in r["confusion"].items():
                lines.append(f"     {k}: {n}")
            if verbose:
                lines += [f"   miss  {m}" for m in r["misses"]] + [f"   extra {e}" for e in r["extras"]]
        else:
            for k, v in r.items():
                if k != "per_type":
                    lines.append(f"   {k}: {v}")
            if verbose and "per_type" in r:
                for k, v in r["per_type"].items():
                    lines.append(f"     {k}: {v}")
    return "\n".join(lines)


def print_report(report: dict[str, Any], verbose: bool = False) -> None:
    print(format_report(report, verbose))


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "--verbose" in args or "-v" in args
    workers = 1
    if "--workers" in args:
        workers = int(args[args.index("--workers") + 1])
        args.remove(args[args.index("--workers") + 1])
    which = [a for a in args if not a.startswith("-")] or list(ALL)
    print_report(run_eval(which, workers), verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
