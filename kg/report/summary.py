"""`kg summary`: a few plain-text lines a first-time user can read at a glance."""

from __future__ import annotations

import textwrap

from kg.analysis import Analysis
from kg.relations import ALLIED_WITH, OPPOSES, SUPPORTS, Relation, event_day


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _relation_lines(a: Analysis, r: Relation, verb: str, width: int) -> list[str]:
    n = r.count
    lines = [f"  {r.source.name} {verb} {r.target.name}: {n} event{'s' if n != 1 else ''}, weight {r.weight:g}"]
    ev = a.evidence(r.event_ids, 1)
    if ev:
        quote = _clip(ev[0].sentence, 180)
        lines.extend(textwrap.wrap(f"“{quote}”", width=width, initial_indent="      ", subsequent_indent="       "))
    return lines


def summary_text(a: Analysis, *, location: str = "", top: int = 5, width: int = 100) -> str:
    events = a.events.values()
    days = sorted(d for d in map(event_day, events) if d)
    n_art = len({art for ev in events for art in ev.articles})
    span = "" if not days else (f", {days[0]}" if days[0] == days[-1] else f", {days[0]} to {days[-1]}")
    where = f" in {location}" if location else ""
    out = [f"Relations between states{where}: {len(a.events)} event(s) from {n_art} article(s){span}."]
    if not a.events:
        out.append("No events yet: run `kg ingest seeds/` (or your own articles) first.")
        return "\n".join(out) + "\n"
    states = sorted({e.name for s in a.scores for e in (s.a, s.b)})
    if states:
        out.append(f"States involved: {', '.join(states)}.")
    for kind, heading, verb in ((SUPPORTS, "Strongest support", "supports"), (OPPOSES, "Strongest opposition", "opposes")):
        rels = [r for r in a.relations if r.kind == kind][:top]
        out.append("")
        out.append(f"{heading}:")
        if not rels:
            out.append("  (none)")
        for r in rels:
            out.extend(_relation_lines(a, r, verb, width))
    allied = [r for r in a.relations if r.kind == ALLIED_WITH]
    out.append("")
    out.append("Blocs (states that side with each other):")
    if not a.blocs:
        out.append("  (none)")
    for b in a.blocs:
        members = {m.id for m in b.members}
        ties = [r for r in allied if {r.source.id, r.target.id} <= members]
        why = f"; allied: {', '.join(f'{r.source.name}–{r.target.name}' for r in ties)}" if ties else ""
        out.append(f"  {', '.join(b.names)} (cohesion {round(b.cohesion, 1):g} from {len(b.event_ids)} events{why})")
    out.append("")
    out.append("More: `kg report relations --out report.html` draws the network and lists the evidence.")
    return "\n".join(out) + "\n"
