"""report, summary: relationship reports and a plain-text summary of the graph."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import STORE_HELP, app, fail, one_line_errors

StoreOpt = Annotated[str | None, typer.Option("--store", help=STORE_HELP)]
FromOpt = Annotated[str | None, typer.Option("--from", help="Only events on or after this date (YYYY-MM-DD).")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Only events on or before this date (YYYY-MM-DD).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress display; print only errors.")]


def _date(value: str | None, option: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r} is not a date (YYYY-MM-DD)")


def _params(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            fail(f"--param {item!r}: want key=value")
        out[key.strip()] = value
    return out


def _report_errors(func):
    """ReportError becomes a one-line error like the store and query errors."""
    from functools import wraps

    @wraps(func)
    def wrapper(*args, **kwargs):
        from kg.report.spec import ReportError

        try:
            return func(*args, **kwargs)
        except ReportError as exc:
            fail(str(exc))

    return wrapper


@app.command()
@one_line_errors
@_report_errors
def report(
    name: Annotated[str | None, typer.Argument(help="A report in reports/ (see --list) or a .toml report script.")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file: .html (default) or .md (figures beside).")] = None,
    store: StoreOpt = None,
    since: FromOpt = None,
    until: ToOpt = None,
    param: Annotated[list[str], typer.Option("--param", "-p", help="key=value for the report's parameters.")] = [],  # noqa: B006
    figures: Annotated[str | None, typer.Option("--figures", help="svg or png (default: as the report says).")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the reports and their parameters.")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Write a scripted report (HTML or Markdown) with a network picture, timelines and evidence."""
    from kg.report import build_report, catalogue, write_report
    from kg.stores import open_store

    if list_:
        for spec in catalogue():
            typer.echo(f"{spec.name}  {spec.title}\n    {spec.description}")
            for p in spec.params:
                default = f" (default {p.default})" if p.default is not None else " (required)"
                typer.echo(f"    --param {p.name}=<{p.type}>{default}  {p.description}")
        return
    if not name:
        fail("give a report name (see `kg report --list`)")
    if out is None:
        fail("give --out FILE (.html or .md)")
    if figures not in (None, "svg", "png"):
        fail(f"--figures {figures!r}: use svg or png")
    start, end = _date(since, "--from"), _date(until, "--to")
    with open_store(store, create=False, read_only=True) as st:
        doc = build_report(name, store=st, since=start, until=end, params=_params(param), fmt=figures, quiet=quiet)
    written = write_report(doc, out)
    if not quiet:
        extra = f" (+{len(written) - 1} figure file(s))" if len(written) > 1 else ""
        typer.echo(f"wrote {written[0]}{extra}", err=True)


@app.command()
@one_line_errors
def summary(
    store: StoreOpt = None,
    since: FromOpt = None,
    until: ToOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Dyads shown per list.")] = 5,
) -> None:
    """A short plain-text summary: strongest support and opposition between states, with evidence, and blocs."""
    import shutil

    from kg.analysis import analyse
    from kg.report.summary import summary_text
    from kg.stores import open_store

    start, end = _date(since, "--from"), _date(until, "--to")
    with open_store(store, create=False, read_only=True) as st:
        a = analyse(st.events(), since=start, until=end)
        location = st.location
    width = max(60, min(110, shutil.get_terminal_size((100, 24)).columns))
    typer.echo(summary_text(a, location=location, top=top, width=width), nl=False)
