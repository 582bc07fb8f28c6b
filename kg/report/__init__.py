"""Scripted reports: reports/NAME.toml lists sections; build_report runs them, write_report renders
HTML or Markdown with embedded matplotlib figures.

    from kg.report import build_report, write_report
    doc = build_report("relations", store=store)
    write_report(doc, Path("report.html"))
"""

from kg.report.document import Document, Figure, Link, Quote, Section, Table, safe_url
from kg.report.render import build_report, load_articles, render_html, render_markdown, write_report
from kg.report.spec import ReportError, ReportSpec, catalogue, load

__all__ = [
    "Document",
    "Figure",
    "Link",
    "Quote",
    "ReportError",
    "ReportSpec",
    "Section",
    "Table",
    "build_report",
    "catalogue",
    "load",
    "load_articles",
    "render_html",
    "render_markdown",
    "safe_url",
    "write_report",
]
