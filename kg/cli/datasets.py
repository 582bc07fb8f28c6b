"""`kg import gdelt`: structured event datasets into the same graph."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.app import STORE_HELP, app, fail, one_line_errors, warn

import_app = typer.Typer(name="import", help="Import structured event datasets (GDELT 2.0) into a store.", no_args_is_help=True)
app.add_typer(import_app, name="import")

SHOW_ERRORS = 20


@import_app.command("gdelt")
@one_line_errors
def gdelt(
    files: Annotated[list[str], typer.Argument(help="GDELT 2.0 event exports: .CSV (61 tab-separated columns) or .zip.")],
    store: Annotated[str | None, typer.Option("--store", help=STORE_HELP)] = None,
    chunk_rows: Annotated[int, typer.Option("--chunk-rows", min=100, help="Rows held in memory at once.")] = 10_000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
) -> None:
    """Import GDELT event exports: CAMEO codes to the project's types, actors to states and organisations.

    Rows whose Actor1 is no known state or organisation are counted as unmapped and make no event;
    bad rows are reported with their line numbers and make the exit code 1.
    """
    from pathlib import Path

    from kg.stores import open_store
    from loaders.gdelt import ImportReport, read_extractions

    for f in files:
        if not Path(f).is_file():
            fail(f"{f}: no such file")
    report = ImportReport()
    try:
        extractions = read_extractions(files, report, chunk_rows=chunk_rows)
        with open_store(store) as st:
            written = st.write(extractions)
            location = st.location
    except FileNotFoundError as exc:
        fail(str(exc))
    for err in report.errors[:SHOW_ERRORS]:
        warn(f"bad row {err}")
    if report.bad > SHOW_ERRORS:
        warn(f"... and {report.bad - SHOW_ERRORS} more bad row(s)")
    if not quiet:
        typer.echo(report.summary())
        typer.echo(f"wrote {written.articles} article(s), {written.events} event report(s) into {location}")
    if report.bad:
        raise typer.Exit(1)
