"""Matplotlib pictures for reports: the network of states and a timeline of the most active dyads.

Deterministic: a seeded layout over nodes and edges added in sorted order, no timestamps in the
files (SVG hash salt fixed, Date/Software metadata dropped), so reruns give the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from kg.analysis import Analysis, DyadScore, monthly_series
from kg.relations import ALLIED_WITH, OPPOSES, SUPPORTS, Relation
from kg.report.document import Figure

LAYOUT_SEED = 7
COLOURS = {SUPPORTS: "#1a9850", OPPOSES: "#d73027", ALLIED_WITH: "#4575b4"}
BLOC_COLOURS = ["#fdae61", "#abd9e9", "#a6d96a", "#f4a6c6", "#d9d9d9", "#c2a5cf"]
UNALIGNED = "#eeeeee"


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "geokg"
    plt.rcParams["svg.fonttype"] = "none"  # text stays text: smaller and searchable
    return plt


def _save(fig, name: str, fmt: str, alt: str) -> Figure:
    plt = _pyplot()
    buf = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    fig.savefig(buf, format=fmt, dpi=110, bbox_inches="tight", metadata=metadata)
    plt.close(fig)
    return Figure(name=name, fmt=fmt, data=buf.getvalue(), alt=alt)


def network_figure(
    analysis: Analysis, *, fmt: str = "svg", focus: Iterable[str] = (), name: str = "network"
) -> Figure | None:
    """States as nodes (coloured by bloc, sized by activity), SUPPORTS edges green, OPPOSES red,
    ALLIED_WITH a blue band; edge width grows with the relation's weight."""
    import networkx as nx

    focus = set(focus)
    rels: list[Relation] = [r for r in analysis.relations if not focus or {r.source.id, r.target.id} & focus]
    if not rels:
        return None
    plt = _pyplot()
    names = {e.id: e.name for r in rels for e in (r.source, r.target)}
    activity = {a.state.id: a.activity for a in analysis.actors}
    bloc_of = {m.id: i for i, b in enumerate(analysis.blocs) for m in b.members}

    layout = nx.Graph()
    layout.add_nodes_from(sorted(names))
    for r in sorted(rels, key=lambda r: (r.source.id, r.target.id, r.kind)):
        pull = 0.4 if r.kind == OPPOSES else 1.5  # friends close, foes apart; weights capped so nodes never overlap
        u, v = sorted((r.source.id, r.target.id))
        prev = layout.get_edge_data(u, v, {}).get("weight", 0.0)
        layout.add_edge(u, v, weight=min(2.0, prev + pull))
    pos = nx.spring_layout(layout, seed=LAYOUT_SEED, weight="weight", k=2.2 / max(1, len(names)) ** 0.5, iterations=300)

    fig, ax = plt.subplots(figsize=(8.5, 6.5))
    wmax = max(r.weight for r in rels)
    width = lambda w: 1.2 + 6.0 * w / wmax  # noqa: E731
    nodes = sorted(names)
    amax = max(activity.values(), default=1.0) or 1.0
    sizes = {n: 900 + 1600 * activity.get(n, 0.0) / amax for n in nodes}
    allied = [r for r in rels if r.kind == ALLIED_WITH]
    for r in allied:
        nx.draw_networkx_edges(
            layout,
            pos,
            edgelist=[(r.source.id, r.target.id)],
            width=width(r.weight) + 14,
            edge_color=COLOURS[ALLIED_WITH],
            alpha=0.2,
            ax=ax,
        )
    for kind in (SUPPORTS, OPPOSES):
        sel = sorted((r for r in rels if r.kind == kind), key=lambda r: (r.source.id, r.target.id))
        if not sel:
            continue
        g = nx.DiGraph()
        g.add_nodes_from(nodes)
        g.add_edges_from((r.source.id, r.target.id) for r in sel)
        nx.draw_networkx_edges(
            g,
            pos,
            edgelist=[(r.source.id, r.target.id) for r in sel],
            width=[width(r.weight) for r in sel],
            edge_color=COLOURS[kind],
            alpha=0.85,
            arrows=True,
            arrowstyle="-|>",
            arrowsize=18,
            connectionstyle="arc3,rad=0.15",
            nodelist=nodes,
            node_size=[sizes[n] for n in nodes],
            ax=ax,
        )
    nx.draw_networkx_nodes(
        layout,
        pos,
        nodelist=nodes,
        ax=ax,
        edgecolors="#555555",
        node_size=[sizes[n] for n in nodes],
        node_color=[BLOC_COLOURS[bloc_of[n] % len(BLOC_COLOURS)] if n in bloc_of else UNALIGNED for n in nodes],
    )
    nx.draw_networkx_labels(layout, pos, labels={n: names[n] for n in nodes}, font_size=9, ax=ax)

    from matplotlib.lines import Line2D

    handles = [
        Line2D([0], [0], color=COLOURS[k], lw=3, alpha=0.8 if k != ALLIED_WITH else 0.35, label=label)
        for k, label in ((SUPPORTS, "supports"), (OPPOSES, "opposes"), (ALLIED_WITH, "allied with"))
        if any(r.kind == k for r in rels)
    ]
    ax.legend(handles=handles, loc="lower left", frameon=False, fontsize=8)
    ax.set_axis_off()
    ax.margins(0.15)
    alt = "Network of states: " + "; ".join(
        f"{r.source.name} {r.kind.lower().replace('_', ' ')} {r.target.name} ({r.weight:g})" for r in rels
    )
    return _save(fig, name, fmt, alt)


def most_active(scores: list[DyadScore], top: int) -> list[DyadScore]:
    return sorted(scores, key=lambda s: (-s.events, -abs(s.score), s.key))[:top]


def timeline_figure(dyads: list[DyadScore], *, fmt: str = "svg", name: str = "timeline") -> Figure | None:
    """Cumulative (undecayed) score over time, one step line per dyad, a marker per month with events."""
    series = [(d, monthly_series(d)) for d in dyads]
    series = [(d, s) for d, s in series if s]
    if not series:
        return None
    plt = _pyplot()
    import datetime as dt

    import matplotlib.dates as mdates

    lo = min(m for _, s in series for m, _, _ in s)
    hi = max(m for _, s in series for m, _, _ in s)
    start, end = lo - dt.timedelta(days=31), hi + dt.timedelta(days=31)
    fig, ax = plt.subplots(figsize=(8.5, 3.8))
    cmap = plt.get_cmap("tab10")
    for i, (d, s) in enumerate(series):
        xs, ys = [m for m, _, _ in s], [c for _, _, c in s]
        ax.step(
            [start, *xs, end],
            [0.0, *ys, ys[-1]],
            where="post",
            color=cmap(i % 10),
            lw=2,
            label=f"{d.label} ({d.events} event{'s' if d.events != 1 else ''})",
        )
        ax.plot(xs, ys, "o", color=cmap(i % 10), ms=6)
    ax.axhline(0, color="#888888", lw=0.8)
    ax.set_ylabel("cumulative score")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.set_xlim(start, end)
    ax.legend(loc="best", frameon=False, fontsize=8)
    ax.grid(alpha=0.3)
    fig.autofmt_xdate()
    alt = "Timeline: " + "; ".join(f"{d.label} cumulative score {s[-1][2]:g} by {s[-1][0]:%Y-%m}" for d, s in series)
    return _save(fig, name, fmt, alt)
