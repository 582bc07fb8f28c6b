"""extract, ingest, query, queries, export, stats: the commands the rest of the product builds on."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import STORE_HELP, app, fail, one_line_errors, warn
from kg.model import Article, Event, Extraction, merge_events


class EventFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


class RowFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class RdfFormatName(StrEnum):
    turtle = "turtle"
    ntriples = "ntriples"
    jsonld = "jsonld"
    trig = "trig"
    nquads = "nquads"


PathsArg = Annotated[
    list[str], typer.Argument(help="Files (.txt, .html, .jsonl, .rss/.atom/.xml), folders, or - for standard input.")
]
PublishedOpt = Annotated[
    str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) for articles that do not carry one.")
]
WorkersOpt = Annotated[int, typer.Option("--workers", min=1, help="spaCy worker processes.")]
StoreOpt = Annotated[str | None, typer.Option("--store", help=STORE_HELP)]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")]


class _Tally:
    """Counts what the readers rejected, so the exit code can say that not everything went in."""

    def __init__(self) -> None:
        self.errors = 0
        self.skipped = 0


def _articles(paths: list[str], published: str | None, tally: _Tally) -> Iterator[Article]:
    from loaders.readers import ReadError, Skipped, read_paths

    day = None
    if published:
        try:
            day = dt.date.fromisoformat(published)
        except ValueError:
            fail(f"--published {published!r} is not a date (YYYY-MM-DD)")
    for item in read_paths(paths, day):
        if isinstance(item, ReadError):
            tally.errors += 1
            warn(f"error: {item}")
        elif isinstance(item, Skipped):
            tally.skipped += 1
            warn(str(item))
        else:
            yield item


def _extractions(paths: list[str], published: str | None, workers: int, tally: _Tally) -> Iterator[Extraction]:
    from loaders.extract import ClassifierSettingError, Extractor, NoModelError

    try:
        extractor = Extractor(workers=workers)
        yield from extractor.extract(_articles(paths, published, tally))
    except (NoModelError, ClassifierSettingError) as exc:
        fail(str(exc))


def _event_row(ev: Event) -> list[str]:
    names = lambda ents: ", ".join(e.name for e in ents) or "-"  # noqa: E731
    flags = [] if ev.polarity.value == "asserted" else [ev.polarity.value]
    if ev.attribution:
        flags.append(f"per {ev.attribution.name}")
    return [
        ev.type,
        names(ev.actors),
        names(ev.recipients),
        names(ev.places),
        ev.date.isoformat() if ev.date else (ev.date_text or "-"),
        " ".join(flags) or "asserted",
        str(len(ev.mentions)),
    ]


def _print_table(header: list[str], rows: list[list[str]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*header, show_lines=False, header_style="bold")
    for row in rows:
        table.add_row(*row)
    Console(soft_wrap=False, width=max(100, min(200, _terminal_width()))).print(table)


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((140, 24)).columns


@app.command()
@one_line_errors
def extract(
    paths: PathsArg,
    published: PublishedOpt = None,
    fmt: Annotated[
        EventFormat, typer.Option("--format", help="jsonl: one event a line; table: a readable overview.")
    ] = EventFormat.jsonl,
    workers: WorkersOpt = 1,
) -> None:
    """Extract events from articles and print them; nothing is stored.

    Events told by several articles of the batch are printed once, with the mentions of all of them.
    """
    tally = _Tally()
    events = merge_events([ev for ex in _extractions(paths, published, workers, tally) for ev in ex.events])
    if fmt is EventFormat.jsonl:
        out = sys.stdout
        for ev in events:
            out.write(ev.to_json() + "\n")
    else:
        _print_table(["type", "actors", "recipients", "places", "date", "polarity", "mentions"], [_event_row(e) for e in events])
    if tally.errors:
        raise typer.Exit(1)


@app.command()
@one_line_errors
def ingest(
    paths: PathsArg,
    store: StoreOpt = None,
    published: PublishedOpt = None,
    workers: WorkersOpt = 1,
    quiet: QuietOpt = False,
) -> None:
    """Extract events from articles and write them into a store (each article atomically)."""
    from kg.stores import open_store

    tally = _Tally()
    with open_store(store) as st:
        from kg.progress import track

        report = st.write(track(_extractions(paths, published, workers, tally), "ingesting articles", quiet=quiet))
        if not quiet:
            typer.echo(
                f"ingested {report.articles} article(s), {report.events} event(s), "
                f"{report.mentions} mention(s) into {st.location}"
                + (f"; {tally.errors} input(s) failed" if tally.errors else "")
                + (f"; {tally.skipped} skipped" if tally.skipped else "")
            )
    if tally.errors:
        raise typer.Exit(1)


def _parse_params(params: list[str]) -> dict[str, str]:
    parsed: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            fail(f"--param {item!r}: want key=value")
        parsed[key.strip()] = value
    return parsed


def _cell(value: object) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


def print_rows(rows: list[dict], fmt: RowFormat, columns: list[str] | None = None) -> None:
    columns = columns or list(dict.fromkeys(k for r in rows for k in r))
    if fmt is RowFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
    elif fmt is RowFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_cell(r.get(c)) for c in columns])
    elif not rows:
        typer.echo("(no rows)")
    else:
        _print_table(columns, [[_cell(r.get(c)) for c in columns] for r in rows])


@app.command()
@one_line_errors
def query(
    name: Annotated[str, typer.Argument(help="A saved query (see `kg queries`).")],
    param: Annotated[list[str], typer.Option("--param", "-p", help="key=value, repeatable.")] = [],  # noqa: B006
    store: StoreOpt = None,
    fmt: Annotated[RowFormat, typer.Option("--format")] = RowFormat.table,
) -> None:
    """Run a saved query on the active store: Cypher on Neo4j, SPARQL on Oxigraph or an endpoint."""
    from kg import queries
    from kg.stores import open_store

    saved = queries.load(name)
    bound = saved.bind(_parse_params(param))
    with open_store(store, create=False, read_only=True) as st:
        rows = st.run_query(saved, bound)
    print_rows(rows, fmt)


@app.command("queries")
@one_line_errors
def list_queries() -> None:
    """List the saved queries with their descriptions and parameters."""
    from kg import queries

    for q in queries.catalogue():
        backends = "/".join(sorted(f.suffix.lstrip(".") for f in q.files))
        typer.echo(f"{q.name}  [{backends}]\n    {q.description}")
        for p in q.params:
            default = f" (default {p.default})" if p.default is not None else " (required)"
            typer.echo(f"    --param {p.name}=<{p.type}>{default}  {p.description}")


@app.command()
@one_line_errors
def stats(store: StoreOpt = None, fmt: Annotated[RowFormat, typer.Option("--format")] = RowFormat.table) -> None:
    """Counts by entity kind and by event type, and the states and people in the graph."""
    from kg.stores import open_store

    with open_store(store, create=False, read_only=True) as st:
        s = st.stats()
    if fmt is not RowFormat.table:
        print_rows([s.to_dict()], fmt)
        return
    typer.echo(f"store {st.location}: {s.articles} article(s), {s.events} event(s), {s.mentions} mention(s)")
    typer.echo("entities:")
    for kind, n in sorted(s.entities_by_kind.items()):
        shown = ", ".join(s.entities.get(kind, [])[:12])
        more = f", ... (+{n - 12})" if n > 12 else ""
        typer.echo(f"  {kind:<13}{n:>5}  {shown}{more}")
    typer.echo("events:")
    for etype, n in sorted(s.events_by_type.items(), key=lambda kv: (-kv[1], kv[0])):
        typer.echo(f"  {etype:<13}{n:>5}")


@app.command()
@one_line_errors
def export(
    fmt: Annotated[
        RdfFormatName, typer.Option("--format", help="turtle, ntriples, jsonld (one graph) or trig, nquads (named graphs kept).")
    ],
    store: StoreOpt = None,
    out: Annotated[Path | None, typer.Option("--out", help="Output file (default: standard output).")] = None,
) -> None:
    """Export the graph as RDF."""
    from kg.rdf_export import export_store
    from kg.stores import open_store

    with open_store(store, create=False, read_only=True) as st:
        if out is None:
            export_store(st, fmt.value, sys.stdout.buffer)
        else:
            tmp = out.with_name(out.name + ".part")
            with tmp.open("wb") as fh:
                export_store(st, fmt.value, fh)
            tmp.replace(out)
            typer.echo(f"wrote {out}", err=True)
