"""Progress bars for long ingests and reports, silent in scripts.

    from kg.progress import track, step
    for article in track(articles, "extracting", quiet=quiet):
        ...
    with step("rendering report", quiet=quiet):
        ...

Bars and spinners go to standard error and only when it is a terminal, so pipes, CI logs and
`--quiet` stay clean; KG_QUIET=1 silences them everywhere.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


def silent(quiet: bool = False) -> bool:
    """True when no progress should be drawn: asked for, KG_QUIET set, or stderr not a terminal."""
    if quiet or os.environ.get("KG_QUIET", "").strip() not in ("", "0"):
        return True
    try:
        return not sys.stderr.isatty()
    except (AttributeError, ValueError):
        return True


def _console():
    from rich.console import Console

    return Console(stderr=True)


def track(iterable: Iterable[T], description: str, quiet: bool = False, total: int | None = None) -> Iterator[T]:
    """Yield the items of iterable, drawing a bar (or a counter when the length is unknown)."""
    if silent(quiet):
        yield from iterable
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    if total is None and hasattr(iterable, "__len__"):
        total = len(iterable)  # type: ignore[arg-type]
    columns = [SpinnerColumn(), TextColumn("{task.description}")]
    columns += [BarColumn(), MofNCompleteColumn()] if total is not None else [TextColumn("{task.completed}")]
    columns.append(TimeElapsedColumn())
    with Progress(*columns, console=_console(), transient=True) as progress:
        task = progress.add_task(description, total=total)
        for item in iterable:
            yield item
            progress.advance(task)


@contextmanager
def step(description: str, quiet: bool = False) -> Iterator[None]:
    """A spinner while one step of unknown length runs."""
    if silent(quiet):
        yield
        return
    with _console().status(description):
        yield
