"""Report scripts: reports/NAME.toml lists a report's parameters and sections.

    title = "Relations between states"
    description = "Who supports and who opposes whom, in one page."
    half_life_days = 365            # time decay of the dyad scores (0 = none)
    figures = "svg"                 # or "png"

    [params.top]                    # kg report NAME --param top=5
    type = "int"                    # string, int, float, date or entity (a state: ISO3, id or name)
    default = "8"
    description = "How many rows per table."

    [[section]]
    kind = "relations"              # one of kg.report.sections.KINDS
    title = "Strongest relationships"
    top = "{top}"                   # "{name}" is replaced by a parameter's value
    kinds = ["SUPPORTS", "OPPOSES"]

A file path works as well as a name, so users keep their own reports anywhere.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.paths import reports_dir
from kg.queries import NAME_RE, PARAM_TYPES, Param, QueryError


class ReportError(ValueError):
    """A report that does not exist, is malformed, or got bad parameters; one line for the user."""


@dataclass(frozen=True)
class SectionSpec:
    kind: str
    title: str
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReportSpec:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    sections: tuple[SectionSpec, ...]
    half_life_days: float | None = 365.0
    figures: str = "svg"
    path: Path | None = None

    def bind(self, given: dict[str, str]) -> dict[str, object]:
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise ReportError(f"report {self.name} has no parameter {', '.join(unknown)}; it takes {', '.join(known) or 'none'}")
        bound: dict[str, object] = {}
        for p in self.params:
            raw = given.get(p.name, p.default)
            if raw is None:
                raise ReportError(f"report {self.name} needs --param {p.name}=<{p.type}> ({p.description})")
            try:
                bound[p.name] = p.convert(str(raw))
            except QueryError as exc:
                raise ReportError(str(exc)) from None
        return bound


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def substitute(value: Any, params: dict[str, object]) -> Any:
    """Replace {name} in strings (recursively in lists and tables) by parameter values.

    A string that is exactly "{name}" becomes the typed value itself (an int stays an int)."""
    if isinstance(value, str):
        whole = _PLACEHOLDER.fullmatch(value)
        if whole and whole.group(1) in params:
            return params[whole.group(1)]

        def repl(m: re.Match) -> str:
            if m.group(1) not in params:
                raise ReportError(f"{value!r} names an unknown parameter {{{m.group(1)}}}")
            v = params[m.group(1)]
            return v.isoformat() if hasattr(v, "isoformat") else str(v)

        return _PLACEHOLDER.sub(repl, value)
    if isinstance(value, list):
        return [substitute(v, params) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, params) for k, v in value.items()}
    return value


def find(name: str) -> Path:
    """A report name (reports/NAME.toml) or the path of a .toml file."""
    path = Path(name)
    if path.suffix == ".toml" and path.is_file():
        return path
    if not NAME_RE.match(name):
        raise ReportError(f"{name!r} is neither a report name nor a .toml file; see `kg report --list`")
    path = reports_dir() / f"{name}.toml"
    if not path.is_file():
        raise ReportError(f"no report named {name!r}; known: {', '.join(r.name for r in catalogue()) or 'none'}")
    return path


def load(name: str) -> ReportSpec:
    from kg.report.sections import KINDS

    path = find(name)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ReportError(f"{path}: not valid TOML: {exc}") from None
    params = []
    for pname, p in (raw.get("params") or {}).items():
        if not isinstance(p, dict) or p.get("type", "string") not in PARAM_TYPES:
            raise ReportError(f"{path}: parameter {pname}: type must be one of {', '.join(PARAM_TYPES)}")
        default = p.get("default")
        params.append(Param(pname, p.get("type", "string"), None if default is None else str(default), p.get("description", "")))
    sections = []
    for i, s in enumerate(raw.get("section") or [], 1):
        kind = s.get("kind") if isinstance(s, dict) else None
        if kind not in KINDS:
            raise ReportError(f"{path}: section {i}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
        options = {k: v for k, v in s.items() if k not in ("kind", "title")}
        sections.append(SectionSpec(kind, s.get("title") or kind.capitalize(), options))
    if not sections:
        raise ReportError(f"{path}: no [[section]] tables; a report needs at least one")
    half_life = raw.get("half_life_days", 365.0)
    figures = raw.get("figures", "svg")
    if figures not in ("svg", "png"):
        raise ReportError(f"{path}: figures must be \"svg\" or \"png\"")
    return ReportSpec(
        name=path.stem,
        title=raw.get("title") or path.stem,
        description=raw.get("description", ""),
        params=tuple(params),
        sections=tuple(sections),
        half_life_days=float(half_life) if half_life else None,
        figures=figures,
        path=path,
    )


def catalogue() -> list[ReportSpec]:
    try:
        folder = reports_dir()
    except FileNotFoundError:
        return []
    return [load(str(p)) for p in sorted(folder.glob("*.toml"))]
