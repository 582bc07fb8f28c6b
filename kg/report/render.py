"""Build a report from a store (or events) and write it as HTML or Markdown.

HTML goes through Jinja2 with autoescaping, so article text can never become markup; figures
are embedded as data: URIs (an <img> never runs script, even in SVG). Markdown escapes the
same text for Markdown and writes the figures beside the file, in FILE_files/.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.model import Event
from kg.progress import step
from kg.queries import SavedQuery
from kg.report import spec as specs
from kg.report.document import Document, Figure, Link, Quote, Table
from kg.report.sections import KINDS, Context

_TEMPLATES = Path(__file__).resolve().parent / "templates"

# Titles and links of articles, asked of the store through the one public door it has: a query.
ARTICLES_QUERY = SavedQuery(
    name="report-articles",
    description="Titles and URLs of the articles in the store.",
    params=(),
    sparql="""PREFIX gk: <https://w3id.org/geokg/ontology#>
PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?id ?title ?url WHERE {
  ?a a gk:Article ; gk:id ?id . OPTIONAL { ?a dct:title ?title } OPTIONAL { ?a dct:source ?url } }""",
    cypher="MATCH (a:Article) RETURN a.id AS id, a.title AS title, a.url AS url",
)


def load_articles(store: Any) -> dict[str, dict[str, Any]]:
    """{article id: {title, url}} from a store; empty when the store cannot say."""
    if store is None:
        return {}
    getter = getattr(store, "articles", None)
    try:
        if callable(getter):
            return {a.id: {"title": a.title, "url": a.url} for a in getter()}
        return {
            r["id"]: {"title": r.get("title"), "url": r.get("url")}
            for r in store.run_query(ARTICLES_QUERY, {})
            if r.get("id")
        }
    except Exception:  # noqa: BLE001  (links are a nicety; a store without them still gets its report)
        return {}


def build_report(
    name: str,
    *,
    store: Any = None,
    events: Iterable[Event] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    params: dict[str, str] | None = None,
    articles: dict[str, dict[str, Any]] | None = None,
    fmt: str | None = None,
    quiet: bool = True,
) -> Document:
    """Run the report script NAME (reports/NAME.toml or a .toml path) over a store or a list of events."""
    from kg.analysis import analyse

    spec = specs.load(name)
    bound = spec.bind(params or {})
    bound.setdefault("from", since.isoformat() if since else "0001-01-01")
    bound.setdefault("to", until.isoformat() if until else "9999-12-31")
    if events is None:
        if store is None:
            raise specs.ReportError("build_report needs a store or a list of events")
        with step("reading events", quiet):
            events = list(store.events())
    with step("analysing", quiet):
        analysis = analyse(events, since=since, until=until, half_life_days=spec.half_life_days)
    if articles is None:
        articles = load_articles(store)
    ctx = Context(analysis=analysis, articles=articles, fmt=fmt or spec.figures, store=store, params=bound)
    for p in spec.params:
        if p.type == "entity":  # a state given as code, id or name is shown (and matched) by its name
            bound[p.name] = ctx.state_name(bound[p.name])
    sections = []
    from kg.progress import track

    for s in track(spec.sections, f"report {spec.name}", quiet=quiet):
        options = specs.substitute(s.options, bound)
        sections.append(KINDS[s.kind](ctx, specs.SectionSpec(s.kind, specs.substitute(s.title, bound), options)))
    shown = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in bound.items() if k not in ("from", "to")}
    return Document(
        name=spec.name,
        title=specs.substitute(spec.title, bound),
        description=specs.substitute(spec.description, bound),
        store=getattr(store, "location", "") if store is not None else "(events given in Python)",
        period=str(analysis.period),
        params=shown,
        sections=sections,
    )


# -- rendering ---------------------------------------------------------------------------------


def _cell_kind(value: object) -> str:
    if isinstance(value, Link):
        return "link"
    if isinstance(value, list) and all(isinstance(v, Quote) for v in value):
        return "quotes"
    return "text"


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1e4 else f"{value:.0f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def md_escape(value: object) -> str:
    """Text for Markdown: metacharacters backslash-escaped, & and newlines neutralised."""
    text = _fmt(value).replace("&", "&amp;").replace("\r", " ").replace("\n", " ")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _environment(markdown: bool):
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=not markdown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cell_kind"] = _cell_kind
    env.filters["fmt"] = _fmt
    env.filters["md"] = md_escape
    return env


def render_html(doc: Document) -> str:
    return _environment(False).get_template("report.html.j2").render(doc=doc)


def render_markdown(doc: Document, figure_dir: str) -> str:
    return _environment(True).get_template("report.md.j2").render(doc=doc, figure_dir=figure_dir)


def write_report(doc: Document, out: Path) -> list[Path]:
    """Write HTML (any suffix but .md) or Markdown (.md, figures in OUT_files/); returns the files written."""
    out = Path(out)
    written: list[Path] = []
    if out.suffix.lower() in (".md", ".markdown"):
        fig_dir = out.with_name(out.stem + "_files")
        figures: list[Figure] = doc.figures
        if figures:
            fig_dir.mkdir(parents=True, exist_ok=True)
            for f in figures:
                (fig_dir / f.filename).write_bytes(f.data)
                written.append(fig_dir / f.filename)
        text = render_markdown(doc, fig_dir.name)
    else:
        text = render_html(doc)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    return [out, *written]


__all__ = [
    "ARTICLES_QUERY",
    "Table",
    "build_report",
    "load_articles",
    "md_escape",
    "render_html",
    "render_markdown",
    "write_report",
]
