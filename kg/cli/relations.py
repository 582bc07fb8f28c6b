"""kg relations: the derived state-to-state relations (SUPPORTS, OPPOSES, ALLIED_WITH).

The rules live in kg.relations. Neo4j keeps the relations as edges between :State nodes, rebuilt on
every ingest and by `kg relations rebuild`; the RDF stores derive them when asked.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from kg.cli.app import STORE_HELP, app, fail, one_line_errors

relations_app = typer.Typer(
    name="relations", help="Derived state-to-state relations: SUPPORTS, OPPOSES, ALLIED_WITH.", no_args_is_help=True
)
app.add_typer(relations_app, name="relations")

StoreOpt = Annotated[str | None, typer.Option("--store", help=STORE_HELP)]


@relations_app.command("rebuild")
@one_line_errors
def rebuild(store: StoreOpt = None) -> None:
    """Recompute the derived relations from the events in the store and replace the stored ones (Neo4j)."""
    from kg.stores import open_store

    with open_store(store, create=False) as st:
        rebuild_relations = getattr(st, "rebuild_relations", None)
        if rebuild_relations is None:
            typer.echo(f"{st.location}: relations are derived from the events when asked; nothing stored to rebuild")
            return
        n = rebuild_relations()
        typer.echo(f"rebuilt {n} derived relation(s) in {st.location}")


@relations_app.command("list")
@one_line_errors
def list_relations(
    store: StoreOpt = None,
    since: Annotated[str | None, typer.Option("--since", help="Only events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only events on or before this date (YYYY-MM-DD).")] = None,
) -> None:
    """Print the derived relations of the store's events, strongest first within each kind."""
    from kg.cli.core import RowFormat, print_rows
    from kg.relations import derive_relations
    from kg.stores import open_store

    def day(value: str | None, flag: str) -> dt.date | None:
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            fail(f"{flag} {value!r} is not a date (YYYY-MM-DD)")

    window = {"since": day(since, "--since"), "until": day(until, "--until")}
    with open_store(store, create=False, read_only=True) as st:
        relations = derive_relations(st.events(), **window)
    rows = [
        {k: v for k, v in r.to_dict().items() if k in ("kind", "source_name", "target_name", "weight", "events", "first", "last")}
        for r in relations
    ]
    print_rows(rows, RowFormat.table, ["kind", "source_name", "target_name", "weight", "events", "first", "last"])
