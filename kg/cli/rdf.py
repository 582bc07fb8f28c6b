"""validate: check a store's data against the SHACL shapes of ontology/shapes.ttl."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.app import STORE_HELP, app, one_line_errors


@app.command()
@one_line_errors
def validate(
    store: Annotated[str | None, typer.Option("--store", help=STORE_HELP)] = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help="Print at most this many violations (0: all).")] = 50,
) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl); exit 1 when it does not conform.

    Each violation is one line: the node (an event, mention, article or entity), the property, and what is wrong.
    """
    from kg.stores import open_store
    from kg.validate import validate_store

    with open_store(store, create=False, read_only=True) as st:
        report = validate_store(st)
    for line in report.lines(limit or None):
        typer.echo(line)
    if not report.conforms:
        raise typer.Exit(1)
