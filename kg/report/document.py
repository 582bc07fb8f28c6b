"""What a rendered report is made of, independent of HTML or Markdown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlsplit


def safe_url(url: object) -> str | None:
    """The URL when it is an absolute http(s) URL; anything else (javascript:, data:, relative) is None."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c in url for c in "\x00\r\n\t \"'<>`"):
        return url
    return None


@dataclass(frozen=True)
class Link:
    text: str
    url: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", safe_url(self.url))


@dataclass(frozen=True)
class Quote:
    """An evidence sentence with where it comes from."""

    sentence: str
    article: Link
    day: dt.date | None = None
    event_type: str = ""


@dataclass
class Table:
    columns: list[str]
    rows: list[list[object]]  # cells: str, int, float, None, Link, list[Quote]
    caption: str = ""


@dataclass(frozen=True)
class Figure:
    name: str
    fmt: str  # "svg" | "png"
    data: bytes
    alt: str

    @property
    def mime(self) -> str:
        return "image/svg+xml" if self.fmt == "svg" else "image/png"

    @property
    def filename(self) -> str:
        return f"{self.name}.{self.fmt}"

    def data_uri(self) -> str:
        import base64

        return f"data:{self.mime};base64," + base64.b64encode(self.data).decode("ascii")


@dataclass
class Section:
    kind: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    figure: Figure | None = None
    tables: list[Table] = field(default_factory=list)
    note: str = ""


@dataclass
class Document:
    name: str
    title: str
    description: str
    store: str
    period: str
    params: dict[str, object]
    sections: list[Section]

    @property
    def figures(self) -> list[Figure]:
        return [s.figure for s in self.sections if s.figure]
