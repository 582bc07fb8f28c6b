"""Where the data shipped with the project lives: ontology/ and queries/.

In a source checkout (and an editable install) they sit at the repository root beside kg/;
in a wheel they are packaged inside kg/ as _ontology and _queries.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _find(name: str) -> Path:
    for candidate in (_PACKAGE.parent / name, _PACKAGE / f"_{name}"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the project's {name}/ folder is missing (looked beside and inside {_PACKAGE})")


def ontology_dir() -> Path:
    return _find("ontology")


def queries_dir() -> Path:
    return _find("queries")


def reports_dir() -> Path:
    return _find("reports")
