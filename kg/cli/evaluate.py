"""kg eval: the extractor measured against gold (the seed, the dev corpus, PETRARCH-2, PLOVER)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from kg.cli.app import app, fail

SETS = ("seed", "dev", "petrarch", "plover")


@app.command("eval")
def evaluate(
    sets: Annotated[list[str] | None, typer.Argument(help="Any of seed, dev, petrarch, plover (default: all).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="spaCy worker processes.")] = 1,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List misses and extras.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Precision, recall and F1 of the extractor, overall and per type, with a confusion table.

    The dev corpus, PETRARCH-2 and PLOVER sets are read from ../shared beside the repository
    and skipped when it is absent.
    """
    from loaders.evaluate import format_report, run_eval

    unknown = sorted(set(sets or ()) - set(SETS))
    if unknown:
        fail(f"unknown evaluation set {', '.join(unknown)}; choose from {', '.join(SETS)}")
    report = run_eval(list(sets) if sets else None, workers=workers)
    typer.echo(json.dumps(report, indent=1, default=str) if as_json else format_report(report, verbose))
