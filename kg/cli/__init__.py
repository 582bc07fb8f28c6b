"""The `kg` command line. Each topic registers its commands on the one typer app."""

# Importing a topic module registers its commands on the app.
from kg.cli import (
    core,  # noqa: F401  (extract, ingest, query, queries, stats, export)
    datasets,  # noqa: F401  (import gdelt)
    evaluate,  # noqa: F401  (eval)
    rdf,  # noqa: F401  (validate)
    relations,  # noqa: F401  (relations rebuild, relations list)
    report,  # noqa: F401  (report, summary)
)
from kg.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
