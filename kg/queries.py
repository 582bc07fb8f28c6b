"""Saved queries: queries/NAME.cypher and queries/NAME.rq, one name per question.

Each file starts with a header of comment lines:

    name: alliances
    description: Who supports whom militarily, with evidence counts.
    param: since date = 1900-01-01   Only events on or after this date.

(`//` comments in Cypher, `#` in SPARQL.) Parameters are always passed to the database as
parameters (Cypher $name, SPARQL bound variables ?name), never spliced into query text, with one
exception: the row count and start of a page. SPARQL 1.1 takes only an integer token after LIMIT
and OFFSET (`LimitClause ::= 'LIMIT' INTEGER`), not a variable and not a typed literal, so a
bound variable cannot page a SPARQL query. A .rq file writes `LIMIT ?limit OFFSET ?offset`, and
SavedQuery.sparql_for writes there the digits of a value that bind() has already checked is a
Python int of a parameter declared `int` (0 <= value <= MAX_ROWS): only digits can reach the text.
Cypher takes `SKIP $offset LIMIT $limit` as ordinary parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.paths import queries_dir

NAME_RE = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
PARAM_TYPES = ("string", "date", "int", "float", "entity")
_HEADER_RE = re.compile(r"^\s*(?://|#)\s?(.*)$")
_PARAM_RE = re.compile(r"^(\w+)\s+(\w+)(?:\s*=\s*(\S+))?\s*(.*)$")
# Parameters that page the rows: an int, never negative (Cypher refuses a negative LIMIT or SKIP,
# SPARQL has no syntax for one).
PAGE_PARAMS = ("limit", "offset")
MAX_ROWS = 1_000_000_000
# `LIMIT ?name` / `OFFSET ?name` in SPARQL text: the only places a value is written into a query.
_PAGE_CLAUSE_RE = re.compile(r"\b(LIMIT|OFFSET)(\s+)[?$](\w+)\b", re.IGNORECASE)


class QueryError(ValueError):
    """A saved query that does not exist, is malformed, or got bad parameters."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    description: str

    def convert(self, raw: str):
        value = self._parse(raw)
        if self.type == "int" and self.name in PAGE_PARAMS and not 0 <= value <= MAX_ROWS:
            raise QueryError(f"parameter {self.name}: {raw!r} is not a row count from 0 to {MAX_ROWS:,}")
        return value

    def _parse(self, raw: str):
        import datetime as dt

        try:
            if self.type == "int":
                return int(raw)
            if self.type == "float":
                return float(raw)
            if self.type == "date":
                return dt.date.fromisoformat(raw)
        except ValueError:
            raise QueryError(f"parameter {self.name}: {raw!r} is not a valid {self.type}") from None
        return raw


@dataclass(frozen=True)
class SavedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str | None = None
    sparql: str | None = None
    files: tuple[Path, ...] = field(default=())

    def bind(self, given: dict[str, str]) -> dict[str, object]:
        """Check and convert the user's key=value parameters; defaults fill the rest."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise QueryError(f"query {self.name} has no parameter {', '.join(unknown)}; it takes {', '.join(known) or 'none'}")
        bound: dict[str, object] = {}
        for p in self.params:
            raw = given.get(p.name, p.default)
            if raw is None:
                raise QueryError(f"query {self.name} needs --param {p.name}=<{p.type}> ({p.description})")
            bound[p.name] = p.convert(raw)
        return bound

    def sparql_for(self, params: dict[str, object]) -> str:
        """The SPARQL text with each `LIMIT ?p` and `OFFSET ?p` written as the integer p holds.

        SPARQL 1.1 has no other way to page by a parameter (see the module docstring). p must be a
        declared `int` parameter and its value a Python int from 0 to MAX_ROWS (what bind() makes),
        so what goes into the text is digits and nothing else; anything else is refused."""
        if self.sparql is None:
            raise QueryError(f"saved query {self.name} has no SPARQL version (queries/{self.name}.rq)")
        types = {p.name: p.type for p in self.params}

        def page(m: re.Match) -> str:
            name = m.group(3)
            value = params.get(name)
            if types.get(name) != "int" or type(value) is not int or not 0 <= value <= MAX_ROWS:
                raise QueryError(f"saved query {self.name}: {m.group(1)} ?{name} needs an int parameter {name} >= 0")
            return f"{m.group(1)}{m.group(2)}{value:d}"

        return _PAGE_CLAUSE_RE.sub(page, self.sparql)


def _header(text: str) -> tuple[dict[str, str], list[Param]]:
    meta: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        m = _HEADER_RE.match(line)
        if not m:
            if line.strip():
                break
            continue
        key, _, value = m.group(1).partition(":")
        key = key.strip().lower()
        if key == "param":
            pm = _PARAM_RE.match(value.strip())
            if not pm or pm.group(2) not in PARAM_TYPES:
                raise QueryError(
                    f"bad param line {value.strip()!r}: want 'NAME TYPE [= DEFAULT] description', TYPE one of {PARAM_TYPES}"
                )
            params.append(Param(pm.group(1), pm.group(2), pm.group(3), pm.group(4).strip()))
        elif key in ("name", "description"):
            meta[key] = value.strip()
    return meta, params


def load(name: str, directory: Path | None = None) -> SavedQuery:
    if not NAME_RE.match(name):
        raise QueryError(f"{name!r} is not a saved query name (lower-case letters, digits, - and _); see `kg queries`")
    directory = directory or queries_dir()
    cypher_file, sparql_file = directory / f"{name}.cypher", directory / f"{name}.rq"
    files = tuple(f for f in (cypher_file, sparql_file) if f.is_file())
    if not files:
        raise QueryError(f"no saved query named {name!r}; see `kg queries`")
    texts = {f.suffix: f.read_text(encoding="utf-8") for f in files}
    headers = {}
    for suffix, text in texts.items():
        try:
            headers[suffix] = _header(text)
        except QueryError as exc:
            raise QueryError(f"{directory / (name + suffix)}: {exc}") from None
    meta, params = next(iter(headers.values()))
    if len(headers) == 2:
        names = [[p.name for p in ps] for _, ps in headers.values()]
        if names[0] != names[1]:
            raise QueryError(f"{name}.cypher and {name}.rq declare different parameters: {names[0]} vs {names[1]}")
    return SavedQuery(
        name=name,
        description=meta.get("description", ""),
        params=tuple(params),
        cypher=texts.get(".cypher"),
        sparql=texts.get(".rq"),
        files=files,
    )


def catalogue(directory: Path | None = None) -> list[SavedQuery]:
    directory = directory or queries_dir()
    names = sorted({f.stem for f in directory.iterdir() if f.suffix in (".cypher", ".rq")})
    return [load(n, directory) for n in names]
