"""Section builders: each turns the analysis (and the section's options) into a Section.

Kinds (the `kind` of a [[section]] in a report script):

  summary    a few sentences and bullets: events, states, strongest support and opposition, blocs
  network    the picture of states (options: focus = [states])
  timeline   cumulative scores over time of the most active dyads (top, focus)
  relations  the strongest derived relations with evidence sentences (top, kinds, focus, evidence)
  dyads      relationship scores per dyad (top, focus)
  blocs      alliance blocs
  actors     central actors (top)
  movers     the dyads whose score moved most between two periods (before, after: "START..END";
             by default the window is split in the middle)
  events     the events between states with their contribution and evidence (focus, top)
  query      a saved query's rows (query = NAME, params = {...})
  text       a paragraph written in the report script (text = "...")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.analysis import Analysis, Period, movers
from kg.relations import ALLIED_WITH, OPPOSES, SUPPORTS
from kg.relations import KINDS as RELATION_KINDS
from kg.report.document import Link, Quote, Section, Table
from kg.report.spec import ReportError, SectionSpec


@dataclass
class Context:
    analysis: Analysis
    articles: dict[str, dict[str, Any]]
    fmt: str = "svg"
    store: Any = None
    params: dict[str, object] = field(default_factory=dict)
    figures: int = 0

    def figure_name(self, kind: str) -> str:
        self.figures += 1
        return f"{self.figures:02d}-{kind}"

    def state(self, ref: object) -> str:
        """A state id from an ISO3 code, a state id or a name, among the states of the analysis."""
        text = str(ref).strip()
        states = {e.id: e for s in self.analysis.scores for e in (s.a, s.b)}
        states.update({e.id: e for r in self.analysis.relations for e in (r.source, r.target)})
        for key in (text, f"state:{text.upper()}"):
            if key in states:
                return key
        by_name = [i for i, e in states.items() if e.name.lower() == text.lower()]
        if by_name:
            return by_name[0]
        if len(text) == 3 and text.isalpha():
            return f"state:{text.upper()}"
        raise ReportError(
            f"no state {text!r} in this graph; known: {', '.join(sorted(e.name for e in states.values())) or 'none'}"
        )

    def focus(self, options: dict[str, Any]) -> set[str]:
        return {self.state(s) for s in options.get("focus") or ()}

    @staticmethod
    def matches(ids: Iterable[str], focus: set[str]) -> bool:
        """No focus: everything; two states: exactly that pair; otherwise whatever touches a focus state."""
        ids = set(ids)
        if not focus:
            return True
        return ids == focus if len(focus) == 2 else bool(ids & focus)

    def state_name(self, ref: object) -> str:
        sid = self.state(ref)
        for s in self.analysis.scores:
            for e in (s.a, s.b):
                if e.id == sid:
                    return e.name
        from kg.states import state_entity

        return state_entity(sid.split(":", 1)[1]).name

    def quotes(self, event_ids, limit: int) -> list[Quote]:
        out = []
        for e in self.analysis.evidence(event_ids, limit):
            art = self.articles.get(e.article, {})
            out.append(Quote(e.sentence, Link(art.get("title") or e.article, art.get("url")), e.day, e.type))
        return out


def _int(options: dict[str, Any], key: str, default: int) -> int:
    try:
        return int(options.get(key, default))
    except (TypeError, ValueError):
        raise ReportError(f"option {key}: {options.get(key)!r} is not a whole number") from None


def _day(d: dt.date | None) -> str:
    return d.isoformat() if d else "undated"


def _span(first: dt.date | None, last: dt.date | None) -> str:
    if first == last:
        return _day(first)
    return f"{_day(first)} – {_day(last)}"


VERB = {SUPPORTS: "supports", OPPOSES: "opposes", ALLIED_WITH: "is allied with"}


def summary(ctx: Context, spec: SectionSpec) -> Section:
    a = ctx.analysis
    n_events = len(a.events)
    n_articles = len({art for ev in a.events.values() for art in ev.articles})
    states = sorted({e.name for s in a.scores for e in (s.a, s.b)})
    sec = Section("summary", spec.title)
    sec.paragraphs.append(
        f"{n_events} event(s) from {n_articles} article(s), {len(a.scores)} pair(s) of states, "
        f"{len(a.relations)} derived relation(s); period: {a.period}."
        + (f" States: {', '.join(states)}." if states else "")
    )
    for kind in (ALLIED_WITH, SUPPORTS, OPPOSES):
        rels = [r for r in a.relations if r.kind == kind][: _int(spec.options, "top", 3)]
        for r in rels:
            q = ctx.quotes(r.event_ids, 1)
            sec.items.append(
                f"{r.source.name} {VERB[kind]} {r.target.name}: weight {r.weight:g} from {r.count} event(s)"
                + (f", e.g. “{q[0].sentence}”" if q else "")
            )
    for b in a.blocs:
        sec.items.append(f"Bloc: {', '.join(b.names)} (cohesion {round(b.cohesion, 1):g})")
    if not a.events:
        sec.paragraphs.append("The store holds no events in this period: ingest articles first (`kg ingest FILES`).")
    return sec


def network(ctx: Context, spec: SectionSpec) -> Section:
    from kg.report.figures import network_figure

    sec = Section("network", spec.title)
    sec.figure = network_figure(
        ctx.analysis, fmt=ctx.fmt, focus=ctx.focus(spec.options), name=ctx.figure_name("network")
    )
    if sec.figure is None:
        sec.paragraphs.append("No relations between states in this period.")
    else:
        sec.note = (
            "Green arrows: supports; red arrows: opposes; blue band: allied with. Edge width grows with the relation's "
            "weight (sum of max(1, |score|) of its events); node colour marks the bloc, node size the activity."
        )
    return sec


def timeline(ctx: Context, spec: SectionSpec) -> Section:
    from kg.report.figures import most_active, timeline_figure

    focus = ctx.focus(spec.options)
    scores = [s for s in ctx.analysis.scores if ctx.matches(s.key, focus)]
    sec = Section("timeline", spec.title)
    dyads = most_active(scores, _int(spec.options, "top", 5))
    sec.figure = timeline_figure(dyads, fmt=ctx.fmt, name=ctx.figure_name("timeline"))
    if sec.figure is None:
        sec.paragraphs.append("No dated events between states in this period.")
    else:
        sec.note = "Cumulative sum of event scores (PLOVER, -10..+10, no decay) per month, for the most active pairs of states."
    return sec


def relations(ctx: Context, spec: SectionSpec) -> Section:
    kinds = spec.options.get("kinds") or list(RELATION_KINDS)
    bad = [k for k in kinds if k not in RELATION_KINDS]
    if bad:
        raise ReportError(f"relations section: unknown kind(s) {', '.join(bad)}; use {', '.join(RELATION_KINDS)}")
    focus = ctx.focus(spec.options)
    top, n_ev = _int(spec.options, "top", 10), _int(spec.options, "evidence", 3)
    rels = [r for r in ctx.analysis.relations if r.kind in kinds and ctx.matches((r.source.id, r.target.id), focus)]
    rels.sort(key=lambda r: (-r.weight, kinds.index(r.kind), r.source.id, r.target.id))
    sec = Section("relations", spec.title)
    rows = [
        [
            r.source.name,
            VERB[r.kind],
            r.target.name,
            r.weight,
            r.count,
            _span(r.first, r.last),
            ctx.quotes(r.event_ids, n_ev),
        ]
        for r in rels[:top]
    ]
    sec.tables.append(Table(["from", "relation", "to", "weight", "events", "dates", "evidence"], rows))
    if not rows:
        sec.paragraphs.append("No derived relations in this period.")
    return sec


def dyads(ctx: Context, spec: SectionSpec) -> Section:
    focus = ctx.focus(spec.options)
    scores = [s for s in ctx.analysis.scores if ctx.matches(s.key, focus)]
    sec = Section("dyads", spec.title)
    hl = ctx.analysis.half_life_days
    sec.note = (
        f"score: sum of event scores decayed with a half-life of {hl:g} days to the end of the period; raw: without decay."
        if hl
        else "score: sum of event scores (no decay)."
    )
    sec.tables.append(
        Table(
            ["pair", "score", "raw", "positive", "negative", "events", "dates"],
            [
                [s.label, s.score, s.raw, s.positive, s.negative, s.events, _span(s.first, s.last)]
                for s in scores[: _int(spec.options, "top", 15)]
            ],
        )
    )
    return sec


def blocs(ctx: Context, spec: SectionSpec) -> Section:
    sec = Section("blocs", spec.title)
    sec.note = "Communities of the network of positively scored pairs (greedy modularity); cohesion is the sum of their scores."
    sec.tables.append(
        Table(
            ["bloc", "members", "cohesion", "events"],
            [[str(i), ", ".join(b.names), b.cohesion, len(b.event_ids)] for i, b in enumerate(ctx.analysis.blocs, 1)],
        )
    )
    if not ctx.analysis.blocs:
        sec.paragraphs.append("No two states with a positive score in this period.")
    return sec


def actors(ctx: Context, spec: SectionSpec) -> Section:
    sec = Section("actors", spec.title)
    sec.note = "activity: sum of |score| of a state's pairs; net: their sum; support and opposition as derived relation weights."
    sec.tables.append(
        Table(
            [
                "state",
                "partners",
                "activity",
                "net",
                "supports",
                "supported by",
                "opposes",
                "opposed by",
                "betweenness",
            ],
            [
                [
                    x.state.name,
                    x.partners,
                    x.activity,
                    x.net,
                    x.support_given,
                    x.support_received,
                    x.opposition_given,
                    x.opposition_received,
                    x.betweenness,
                ]
                for x in ctx.analysis.actors[: _int(spec.options, "top", 10)]
            ],
        )
    )
    return sec


def _halves(ctx: Context) -> tuple[Period, Period] | None:
    from kg.relations import event_day

    days = sorted(d for d in map(event_day, ctx.analysis.events.values()) if d)
    p = ctx.analysis.period
    lo, hi = p.since or (days[0] if days else None), p.until or (days[-1] if days else None)
    if lo is None or hi is None or lo >= hi:
        return None
    mid = lo + (hi - lo) / 2
    return Period(lo, mid), Period(mid + dt.timedelta(days=1), hi)


def movers_section(ctx: Context, spec: SectionSpec) -> Section:
    sec = Section("movers", spec.title)
    try:
        periods = (
            (Period.parse(spec.options["before"]), Period.parse(spec.options["after"]))
            if spec.options.get("before") and spec.options.get("after")
            else _halves(ctx)
        )
    except ValueError as exc:
        raise ReportError(f"movers section: {exc}") from None
    if periods is None:
        sec.paragraphs.append("All events fall on one day: there are no two periods to compare.")
        return sec
    before, after = periods
    moves = movers(
        ctx.analysis.events.values(),
        before,
        after,
        half_life_days=ctx.analysis.half_life_days,
        top=_int(spec.options, "top", 10),
    )
    sec.paragraphs.append(f"Score of each pair in {before} against {after}.")
    sec.tables.append(
        Table(
            ["pair", "before", "after", "change", "events before", "events after"],
            [[m.label, m.before, m.after, m.delta, len(m.events_before), len(m.events_after)] for m in moves],
        )
    )
    return sec


def events(ctx: Context, spec: SectionSpec) -> Section:
    focus = ctx.focus(spec.options)
    scores = [s for s in ctx.analysis.scores if ctx.matches(s.key, focus)]
    rows = []
    for s in scores:
        for c in s.contributions:
            ev = ctx.analysis.events[c.event_id]
            rows.append(
                [
                    _day(c.day),
                    ev.type,
                    f"{_name(s, c.actor)} → {_name(s, c.recipient)}",
                    c.score,
                    c.decay,
                    c.value,
                    ctx.quotes([c.event_id], _int(spec.options, "evidence", 2)),
                ]
            )
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    sec = Section("events", spec.title)
    sec.tables.append(
        Table(
            ["date", "type", "who → whom", "score", "decay", "counts", "evidence"],
            rows[: _int(spec.options, "top", 50)],
        )
    )
    if not rows:
        sec.paragraphs.append("No events between these states in this period.")
    return sec


def _name(score, iso: str) -> str:
    return next(e.name for e in (score.a, score.b) if e.id == f"state:{iso}")


def query(ctx: Context, spec: SectionSpec) -> Section:
    from kg import queries

    name = spec.options.get("query")
    if not name:
        raise ReportError("query section: give query = NAME (see `kg queries`)")
    saved = queries.load(str(name))
    params = {
        k: v.isoformat() if hasattr(v, "isoformat") else str(v) for k, v in (spec.options.get("params") or {}).items()
    }
    bound = saved.bind(params)
    rows = ctx.store.run_query(saved, bound) if ctx.store is not None else []
    sec = Section("query", spec.title)
    sec.paragraphs.append(saved.description)
    columns = list(dict.fromkeys(k for r in rows for k in r))
    sec.tables.append(
        Table(
            columns,
            [[r.get(c) for c in columns] for r in rows[: _int(spec.options, "top", 50)]],
            caption=f"saved query {saved.name}",
        )
    )
    if not rows:
        sec.paragraphs.append("(no rows)" if ctx.store is not None else "(no store to query)")
    return sec


def text(ctx: Context, spec: SectionSpec) -> Section:
    return Section(
        "text",
        spec.title,
        paragraphs=[
            str(p)
            for p in (
                [spec.options.get("text", "")]
                if isinstance(spec.options.get("text", ""), str)
                else spec.options["text"]
            )
        ],
    )


KINDS: dict[str, Callable[[Context, SectionSpec], Section]] = {
    "summary": summary,
    "network": network,
    "timeline": timeline,
    "relations": relations,
    "dyads": dyads,
    "blocs": blocs,
    "actors": actors,
    "movers": movers_section,
    "events": events,
    "query": query,
    "text": text,
}
