"""The `kg` command line. Each topic registers its commands on the one typer app."""

from kg.cli.app import app
from kg.cli import core  # noqa: F401  (registers commands)
from kg.cli import rdf  # noqa: F401  (registers validate)
from kg.cli import datasets  # noqa: F401  (kg import gdelt)
from kg.cli import report  # noqa: F401  (kg report, kg summary)
from kg.cli import relations  # noqa: F401  (kg relations rebuild, kg relations list)
from kg.cli import evaluate  # noqa: F401  (kg eval)

__all__ = ["app", "main"]


def main() -> None:
    app()
