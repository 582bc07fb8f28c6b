"""The typer application and what every command shares: one-line errors and exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, NoReturn, TypeVar

import typer

app = typer.Typer(
    name="kg",
    help="Geopolitical event knowledge graph: articles in, typed events out, into Oxigraph, Neo4j or SPARQL.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_USAGE = 2
F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    typer.echo(f"kg: error: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    typer.echo(f"kg: {message}", err=True)


def one_line_errors(func: F) -> F:
    """Known failures become one line on stderr and exit code 2, never a traceback."""
    from kg.queries import QueryError
    from kg.stores import StoreError

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (StoreError, QueryError) as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


STORE_HELP = (
    "Folder of the embedded store (default ./kg-data or $KG_STORE), "
    "a bolt://, neo4j://, neo4j+s:// URI, or an http(s) SPARQL endpoint."
)
