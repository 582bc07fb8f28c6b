"""The Python API for notebooks and scripts.

    import kg.api as kg

    g = kg.graph("./kg-data")                  # networkx MultiDiGraph: entities, events, derived relations
    rows = kg.query("alliances", "./kg-data", since="2024-01-01")          # list of dicts
    df = kg.query("alliances", "./kg-data", as_frame=True)                  # pandas DataFrame (pip install 'geokg[notebook]')
    a = kg.analysis("./kg-data", since="2024-01-01")                        # scores, blocs, actors, evidence
    kg.report("relations", "report.html", store="./kg-data")               # the same report as `kg report`
    print(kg.summary("./kg-data"))

Every function takes a store as an open Store or as a STORE spec (folder, bolt://..., http(s)://...;
None means $KG_STORE or ./kg-data); a spec is opened read-only and closed again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.model import Event

if TYPE_CHECKING:
    import networkx as nx

    from kg.analysis import Analysis
    from kg.report import Document
    from kg.stores import Store

DateLike = dt.date | str | None


def _date(value: DateLike) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


@contextmanager
def _opened(store: Store | str | None) -> Iterator[Store]:
    from kg.stores import Store as StoreBase
    from kg.stores import open_store

    if isinstance(store, StoreBase):
        yield store
        return
    with open_store(store, create=False, read_only=True) as st:
        yield st


def open_store(store: str | None = None, *, read_only: bool = True) -> Store:
    """Open a store for several calls (close it, or use it in a with block)."""
    from kg.stores import open_store as _open

    return _open(store, create=not read_only, read_only=read_only)


def events(store: Store | str | None = None) -> list[Event]:
    with _opened(store) as st:
        return list(st.events())


def graph(store: Store | str | None = None) -> nx.MultiDiGraph:
    """The whole graph: entity and event nodes, ACTOR/RECIPIENT/PLACE/ATTRIBUTED_TO edges, and the
    derived SUPPORTS/OPPOSES/ALLIED_WITH edges between states (weight, event_ids)."""
    from kg.analysis import event_graph

    return event_graph(events(store))


def state_graph(store: Store | str | None = None, *, since: DateLike = None, until: DateLike = None,
                half_life_days: float | None = None) -> nx.Graph:
    """States only: one edge per dyad with its score (sign kept), event count and event ids."""
    from kg.analysis import signed_network

    return signed_network(analysis(store, since=since, until=until, half_life_days=half_life_days).scores)


def analysis(store: Store | str | None = None, *, since: DateLike = None, until: DateLike = None,
             half_life_days: float | None = 365.0) -> Analysis:
    from kg.analysis import analyse

    return analyse(events(store), since=_date(since), until=_date(until), half_life_days=half_life_days)


def _frame(rows: list[dict[str, Any]], as_frame: bool):
    if not as_frame:
        return rows
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("as_frame=True needs pandas: pip install 'geokg[notebook]'") from None
    return pd.DataFrame.from_records(rows)


def query(name: str, store: Store | str | None = None, *, as_frame: bool = False, **params: Any):
    """Run a saved query (see `kg queries`): a list of dicts, or a pandas DataFrame with as_frame=True."""
    from kg import queries

    saved = queries.load(name)
    bound = saved.bind({k: v.isoformat() if isinstance(v, dt.date) else str(v) for k, v in params.items()})
    with _opened(store) as st:
        return _frame(st.run_query(saved, bound), as_frame)


def relations(store: Store | str | None = None, *, since: DateLike = None, until: DateLike = None, as_frame: bool = False):
    """The derived state relations (kg.relations) as rows: source, target, kind, weight, events, dates, event_ids."""
    from kg.relations import derive_relations

    rows = [r.to_dict() for r in derive_relations(events(store), since=_date(since), until=_date(until))]
    return _frame(rows, as_frame)


def dyads(store: Store | str | None = None, *, since: DateLike = None, until: DateLike = None,
          half_life_days: float | None = 365.0, as_frame: bool = False):
    """Relationship scores per pair of states (kg.analysis.scores) as rows."""
    a = analysis(store, since=since, until=until, half_life_days=half_life_days)
    return _frame([s.to_dict() for s in a.scores], as_frame)


def report(name: str, out: str | Path | None = None, *, store: Store | str | None = None, since: DateLike = None,
           until: DateLike = None, quiet: bool = True, **params: Any) -> Document:
    """Build the scripted report NAME (reports/NAME.toml or a .toml path); write it to out (.html/.md) when given."""
    from kg.report import build_report, write_report

    given = {k: v.isoformat() if isinstance(v, dt.date) else str(v) for k, v in params.items()}
    with _opened(store) as st:
        doc = build_report(name, store=st, since=_date(since), until=_date(until), params=given, quiet=quiet)
    if out is not None:
        write_report(doc, Path(out))
    return doc


def summary(store: Store | str | None = None, *, since: DateLike = None, until: DateLike = None, top: int = 5) -> str:
    """The text `kg summary` prints."""
    from kg.report.summary import summary_text

    with _opened(store) as st:
        a = analysis(st, since=since, until=until)
        return summary_text(a, location=st.location, top=top)


__all__ = ["analysis", "dyads", "events", "graph", "open_store", "query", "relations", "report", "state_graph", "summary"]
