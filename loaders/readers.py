"""Readers: files, folders and standard input to Articles.

Every reader yields either an Article or a ReadError; a bad file or line never stops the batch.
A ReadError renders as one line naming the file (and line) and what is wrong.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.model import Article

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

# One JSONL line may be big (a long article), but a line this long is a broken file, not an article.
MAX_LINE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ReadError:
    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        # names come from strangers' files and folders: never let them move the terminal
        return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in f"{where}: {self.message}")


@dataclass(frozen=True)
class Skipped:
    """An article read fine but left out on purpose (not English, no text)."""

    source: str
    article_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: skipped article {self.article_id}: {self.reason}"


ReadResult = Article | ReadError | Skipped


def decode(data: bytes, source: str) -> str | ReadError:
    """Decode text honouring a BOM (UTF-8/16/32), else UTF-8, else cp1252/Latin-1 when it looks like text."""
    if not data.strip():
        return ReadError(source, "empty file")
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                return ReadError(source, f"not valid {enc} text after its byte-order mark ({exc.reason})")
    if b"\x00" in data[:65536]:
        return ReadError(source, "binary content, not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > len(text[:65536]) * 0.01 or text.count("\ufffd") > len(text) * 0.01:
        return ReadError(source, "binary content, not a text file")
    return text


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters that only break sentence splitting."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or ord(ch) >= 32 and ch != "\x7f")


_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "it",
        "at",
        "from",
        "his",
        "her",
        "has",
        "have",
        "are",
        "be",
        "said",
        "which",
        "an",
        "its",
        "were",
        "not",
        "this",
        "who",
        "they",
        "their",
        "had",
        "will",
        "been",
        "would",
        "after",
        "also",
        "but",
        "or",
    ]
)


# The commonest function words of the other languages news arrives in most often in Latin script
# (French, Spanish, Portuguese, Italian, German, Dutch), none of them also an English word.
_OTHER_FUNCTION_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "du",
        "une",
        "est",
        "et",
        "dans",
        "pour",
        "sur",
        "avec",
        "qui",
        "que",
        "pas",
        "aux",
        "ces",
        "el",
        "los",
        "las",
        "del",
        "por",
        "con",
        "una",
        "para",
        "según",
        "fue",
        "sus",
        "das",
        "não",
        "em",
        "dos",
        "uma",
        "pelo",
        "pela",
        "foram",
        "il",
        "della",
        "dei",
        "nel",
        "sono",
        "alla",
        "gli",
        "anche",
        "der",
        "und",
        "dem",
        "ist",
        "mit",
        "sich",
        "auf",
        "nicht",
        "eine",
        "für",
        "wurde",
        "het",
        "een",
        "ook",
        "voor",
        "zijn",
        "werd",
        "niet",
    ]
)


def looks_english(text: str) -> bool:
    """A cheap, deterministic language check: English prose is dense in its function words.

    A short text (a headline, a one-line statement) is mostly names and verbs, so it is taken as
    English unless it is mostly in another script or has more function words of other languages
    than of English."""
    sample = text[:4000]
    letters = [c for c in sample if c.isalpha()]
    if letters and sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f") < 0.5 * len(letters):
        return False  # Cyrillic, Arabic, CJK, ...
    words = [w.strip(".,;:!?\"'()[]«»").lower() for w in text.split()[:400]]
    words = [w for w in words if w]
    if len(words) < 8:
        return True
    hits = sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS)
    if hits / len(words) >= 0.12:
        return True
    if len(words) >= 40:
        return False
    return sum(1 for w in words if w in _OTHER_FUNCTION_WORDS) <= hits


def _parse_date(value: object, source: str, line: int | None = None) -> dt.date | None | ReadError:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        return ReadError(source, f"published must be an ISO date string, got {type(value).__name__}", line)
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return ReadError(source, f"published {value!r} is not an ISO date (YYYY-MM-DD)", line)


def _finish(article: Article, source: str) -> ReadResult:
    if not article.text.strip():
        return ReadError(source, f"article {article.id} has no text")
    if not looks_english(article.text):
        return Skipped(source, article.id, "not English (the extractor reads English only)")
    return article


def _sidecar(path: Path) -> dict:
    meta = path.with_suffix(".meta.json")
    if meta.is_file():
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}
    return {}


def _article_from_text(text: str, source: str, meta: dict, default_published: dt.date | None) -> ReadResult:
    text = clean_text(text)
    published = _parse_date(meta.get("published"), source + " (metadata)")
    if isinstance(published, ReadError):
        return published
    first_line = text.strip().split("\n", 1)[0].strip()
    return _finish(
        Article(
            id=str(meta.get("id") or Article.make_id(text, meta.get("url"))),
            text=text,
            title=meta.get("title") or (first_line[:200] if first_line else None),
            url=meta.get("url"),
            published=published or default_published,
            source=meta.get("source"),
            language="en",
            path=source,
        ),
        source,
    )


def read_text(data: bytes, source: str, meta: dict | None = None, published: dt.date | None = None) -> ReadResult:
    text = decode(data, source)
    if isinstance(text, ReadError):
        return text
    return _article_from_text(text, source, meta or {}, published)


def read_html(data: bytes, source: str, meta: dict | None = None, published: dt.date | None = None) -> ReadResult:
    """Main text only: navigation, share widgets and comments never reach the extractor."""
    html = decode(data, source)
    if isinstance(html, ReadError):
        return html
    import trafilatura  # heavy import, only when HTML is read

    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
        doc_meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        return ReadError(source, f"cannot parse HTML ({type(exc).__name__})")
    if not text:
        return ReadError(source, "no article text found in the HTML")
    meta = dict(meta or {})
    if doc_meta is not None:
        meta.setdefault("title", doc_meta.title)
        meta.setdefault("url", doc_meta.url)
        if doc_meta.date and "published" not in meta:
            meta["published"] = doc_meta.date
        meta.setdefault("source", doc_meta.sitename)
    return _article_from_text(text, source, meta, published)


def read_jsonl(stream: BinaryIO, source: str, published: dt.date | None = None) -> Iterator[ReadResult]:
    """One article a line: {id, title, url, published, text}; a bad line is reported, the rest go on."""
    seen_any = False
    for number, raw in enumerate(_lines(stream), start=1):
        if isinstance(raw, ReadError):
            yield ReadError(source, raw.message, number)
            continue
        if not raw.strip():
            continue
        seen_any = True
        yield _jsonl_record(raw, source, number, published)
    if not seen_any:
        yield ReadError(source, "empty file")


def _lines(stream: BinaryIO) -> Iterator[bytes | ReadError]:
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                line = stream.readline(MAX_LINE_BYTES)
            yield ReadError("", f"line longer than {MAX_LINE_BYTES // (1024 * 1024)} MiB")
            continue
        yield line


_SURROGATES = re.compile("[\ud800-\udfff]")


def _field(record: dict, *keys: str) -> str | None:
    """A string field with lone surrogates (legal in JSON, not in UTF-8) made replacement characters."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value:
            return _SURROGATES.sub("\ufffd", value)
        if isinstance(value, int) and not isinstance(value, bool) and key == "id":
            return str(value)
    return None


def _jsonl_record(raw: bytes, source: str, number: int, published: dt.date | None) -> ReadResult:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return ReadError(source, "line is not UTF-8", number)
    except RecursionError:
        return ReadError(source, "JSON nested too deeply", number)
    except ValueError as exc:
        return ReadError(source, f"malformed JSON ({exc.msg} at column {exc.colno})", number)
    if not isinstance(record, dict):
        return ReadError(source, f"expected a JSON object, got {type(record).__name__}", number)
    text = _field(record, "text")
    if not isinstance(text, str) or not text.strip():
        return ReadError(source, "no 'text' field with the article's text", number)
    date = _parse_date(record.get("published"), source, number)
    if isinstance(date, ReadError):
        return date
    text = clean_text(text)
    url = _field(record, "url")
    return _finish(
        Article(
            id=_field(record, "id") or Article.make_id(text, url),
            text=text,
            title=_field(record, "title"),
            url=url,
            published=date or published,
            source=_field(record, "outlet", "source"),
            language="en",
            path=f"{source}:{number}",
        ),
        f"{source}:{number}",
    )


def read_feed(data: bytes, source: str, published: dt.date | None = None) -> Iterator[ReadResult]:
    """RSS/Atom: one article per entry, from its content or summary (HTML stripped)."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        problem = getattr(feed, "bozo_exception", None)
        yield ReadError(source, f"no feed entries ({problem})" if problem else "no feed entries")
        return
    for number, entry in enumerate(feed.entries, start=1):
        body = ""
        if entry.get("content"):
            body = " ".join(c.get("value", "") for c in entry.content)
        body = body or entry.get("summary", "")
        text = _strip_html(body)
        title = entry.get("title")
        full = f"{title}\n{text}" if title else text
        day = None
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        if parsed:
            day = dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        url = entry.get("link")
        yield _finish(
            Article(
                id=str(entry.get("id") or Article.make_id(full, url)),
                text=clean_text(full),
                title=title,
                url=url,
                published=day or published,
                source=feed.feed.get("title"),
                language="en",
                path=f"{source}#{number}",
            ),
            f"{source}#{number}",
        )


def _strip_html(fragment: str) -> str:
    if "<" not in fragment:
        return fragment
    from html.parser import HTMLParser

    parts: list[str] = []

    class _Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            parts.append(data)

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag in ("p", "br", "div", "li"):
                parts.append("\n")

    parser = _Text()
    parser.feed(fragment)
    return "".join(parts).strip()


def _sniff(data: bytes) -> str:
    head = data.lstrip()[:512].lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return "feed"
    if head.startswith((b"<rss", b"<feed")):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html", b"<")):
        return "html"
    return "text"


def read_bytes(
    data: bytes, source: str, kind: str | None = None, published: dt.date | None = None, meta: dict | None = None
) -> Iterator[ReadResult]:
    kind = kind or _sniff(data)
    if kind == "jsonl":
        import io

        yield from read_jsonl(io.BytesIO(data), source, published)
    elif kind == "feed":
        yield from read_feed(data, source, published)
    elif kind == "html":
        yield read_html(data, source, meta, published)
    else:
        yield read_text(data, source, meta, published)


def _kind_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def read_file(path: Path, published: dt.date | None = None) -> Iterator[ReadResult]:
    source = str(path)
    kind = _kind_of(path)
    if kind is None:
        yield ReadError(source, f"unsupported file type {path.suffix or '(none)'}; use one of {', '.join(sorted(SUPPORTED))}")
        return
    try:
        if kind == "jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl(stream, source, published)
            return
        data = path.read_bytes()
    except FileNotFoundError:
        yield ReadError(source, "no such file")
        return
    except IsADirectoryError:
        yield ReadError(source, "is a directory")
        return
    except OSError as exc:
        yield ReadError(source, f"cannot read ({exc.strerror or exc})")
        return
    yield from read_bytes(data, source, kind, published, _sidecar(path))


def iter_paths(paths: Iterable[str]) -> Iterator[Path | ReadError | str]:
    """Expand folders (recursively, by extension, sorted) and keep '-' for standard input."""
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(
                f
                for f in path.rglob("*")
                if f.is_file() and f.suffix.lower() in SUPPORTED and not f.name.endswith((".meta.json", ".expected.json"))
            )
            if not found:
                yield ReadError(str(path), f"folder has no article files ({', '.join(sorted(SUPPORTED))})")
            yield from found
        elif not path.exists():
            yield ReadError(str(path), "no such file or folder")
        else:
            yield path


def read_paths(paths: Iterable[str], published: dt.date | None = None, stdin: BinaryIO | None = None) -> Iterator[ReadResult]:
    """All articles from the given paths, in order; errors and skips come inline."""
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            yield item
        elif item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_bytes(stream.read(), "<stdin>", None, published)
        else:
            yield from read_file(item, published)
