"""GDELT 2.0 event exports (61 tab-separated columns, .CSV or .zip) into the project's model.

One row is one coded event: its CAMEO code becomes the project's type through the ontology
(taxonomy().for_cameo), its actor codes become states and organisations through
ontology/cameo-actors.json, ActionGeo becomes a place (FIPS 10-4 country codes through
ontology/fips-iso3.json), and its SOURCEURL becomes an Article node with no text.

Conventions, since a GDELT row has no sentence of its own:

- Article: id Article.make_id("", url), url, text "", published = the DATEADDED day, source "gdelt".
- Mention: the article as a whole, Mention(article, sentence="", start=0, end=0); every event a
  GDELT row codes from an article points at that one mention.
- Event: date from SQLDATE (day precision, date_text the raw SQLDATE), reported from DATEADDED,
  PLOVER type/mode, CAMEO code and score from the type's coding in the taxonomy, confidence
  1 - 0.5 ** NumSources, attributes {source: "gdelt", gdelt_id, gdelt_event_code, goldstein,
  num_mentions, num_sources, num_articles, avg_tone, is_root_event}. CAMEO root 03 ("express
  intent to cooperate") is coded as planned, everything else as asserted.
- Precision first: a row whose Actor1 is no known state or organisation makes no event (it is
  counted as unmapped); an Actor2 that maps to nothing leaves the event without a recipient.

Re-emitted and duplicate rows collapse onto one event through the deterministic Event id (type,
actors, recipients, polarity, 7-day date window) and merge_events. Bad rows (column count,
codes, dates, numbers) are counted and reported with their file and line number.

Memory stays flat: rows are validated as they stream in; while the input fits one chunk it is
grouped in memory, otherwise the valid lines are spilled into temporary bucket files by a hash
of their SOURCEURL, so every article's rows meet in one bucket and each bucket is one chunk.
Every article is therefore written once, with all its rows, whatever the input's order.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import os
import re
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.model import Article, DatePrecision, Entity, EntityKind, Event, Extraction, Mention, Polarity, entity_id, merge_events
from kg.ontology import taxonomy
from kg.paths import ontology_dir
from kg.states import known as known_state
from kg.states import state_entity

COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
NCOLS = len(COLUMNS)
C = {name: i for i, name in enumerate(COLUMNS)}

DEFAULT_CHUNK_ROWS = 10_000
MAX_ERRORS_KEPT = 1_000
_CODE_RE = re.compile(r"^\d{2,4}$")


class RowError(ValueError):
    """A row that cannot be read: the reason is one short phrase."""


# --- reference tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorTables:
    countries: dict[str, str]
    regions: frozenset[str]
    state_roles: frozenset[str]
    groups: dict[str, Entity]
    fips: dict[str, str]


@cache
def tables() -> ActorTables:
    root = ontology_dir()
    cameo = json.loads((root / "cameo-actors.json").read_text(encoding="utf-8"))
    fips = json.loads((root / "fips-iso3.json").read_text(encoding="utf-8"))["codes"]
    orgs = _gazetteer_organisations()
    groups: dict[str, Entity] = {}
    for code, g in cameo["groups"].items():
        known = orgs.get(g["id"], {})
        kind = EntityKind.ARMED_GROUP if (known.get("kind") or g.get("kind")) == "ArmedGroup" else EntityKind.ORGANISATION
        groups[code] = Entity(
            id=f"org:{g['id']}",
            name=known.get("name") or g["name"],
            kind=kind,
            # The gazetteer's word wins where it has the organisation, a null QID included.
            wikidata=known.get("qid") if known else g.get("qid"),
            sector=known.get("sector"),
        )
    return ActorTables(
        countries=dict(cameo["countries"]),
        regions=frozenset(cameo["regions"]),
        state_roles=frozenset(cameo["state_roles"]),
        groups=groups,
        fips=dict(fips),
    )


def _gazetteer_organisations() -> dict[str, dict]:
    path = ontology_dir() / "gazetteer" / "organisations.json"
    if not path.is_file():
        return {}
    return {o["id"]: o for o in json.loads(path.read_text(encoding="utf-8")) if "id" in o}


@cache
def _state(iso3: str) -> Entity:
    return state_entity(iso3)


def actor_entity(code: str, country: str, known_group: str, type1: str) -> Entity | None:
    """The state or organisation a CAMEO actor stands for, or None when it is neither."""
    t = tables()
    group = None
    for i in range(0, len(code) - 2, 3):
        group = t.groups.get(code[i : i + 3], group)
    if group is None and known_group:
        group = t.groups.get(known_group)
    if group is not None:
        return group
    if not country or country in t.regions or type1 not in t.state_roles:
        return None
    iso3 = t.countries.get(country, country)
    if len(iso3) != 3 or not iso3.isalpha() or not iso3.isupper():
        return None
    if _has_states() and not known_state(iso3):
        return None
    return _state(iso3)


@cache
def _has_states() -> bool:
    return (ontology_dir() / "gazetteer" / "states.json").is_file()


def place_entity(f: list[str]) -> Entity | None:
    """ActionGeo as a place: a country-level location is the state itself."""
    geo_type = f[C["ActionGeo_Type"]]
    if geo_type in ("", "0"):
        return None
    iso3 = tables().fips.get(f[C["ActionGeo_CountryCode"]])
    if geo_type == "1":
        return _state(iso3) if iso3 else None
    name = f[C["ActionGeo_FullName"]]
    feature = f[C["ActionGeo_FeatureID"]] or f[C["ActionGeo_ADM1Code"]]
    if not name or not feature:
        return None
    lat, lon = _coord(f[C["ActionGeo_Lat"]], 90, "ActionGeo_Lat"), _coord(f[C["ActionGeo_Long"]], 180, "ActionGeo_Long")
    # FeatureID is a GNS/GNIS feature id (or an ADM1 code), not a GeoNames id: it keys the place
    # but goes into no geonames field. GDELT gives one feature several names (the White House and
    # Washington share 531871), so the name's first part joins the key: one name per entity.
    slug = entity_id(EntityKind.PLACE, name.split(",")[0]).partition(":")[2]
    return Entity(
        id=f"place:gdelt-{feature}-{slug}",
        name=name,
        kind=EntityKind.PLACE,
        country=iso3,
        lat=lat if lon is not None else None,
        lon=lon if lat is not None else None,
    )


# --- one row --------------------------------------------------------------------------------------


def _int(text: str, column: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise RowError(f"bad {column} {text[:20]!r}") from None


def _float(text: str, column: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise RowError(f"bad {column} {text[:20]!r}") from None
    if not math.isfinite(value):
        raise RowError(f"bad {column} {text[:20]!r}")
    return value


def _coord(text: str, limit: float, column: str) -> float | None:
    if not text:
        return None
    value = _float(text, column)
    if abs(value) > limit:
        raise RowError(f"bad {column} {text[:20]!r}")
    return value


def _day(text: str, column: str) -> dt.date:
    if len(text) < 8 or not text[:8].isdigit():
        raise RowError(f"bad {column} {text[:20]!r}")
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise RowError(f"bad {column} {text[:20]!r}") from None


def split_row(line: str) -> list[str]:
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) != NCOLS:
        raise RowError(f"{len(fields)} columns, want {NCOLS}")
    return fields


def row_event(f: list[str]) -> tuple[Event, Article] | None:
    """The event and source article of one row; None when its actor maps to nothing known.

    Raises RowError for a row that is malformed."""
    gid = _int(f[C["GLOBALEVENTID"]], "GLOBALEVENTID")
    sqldate = f[C["SQLDATE"]]
    if len(sqldate) != 8:
        raise RowError(f"bad SQLDATE {sqldate[:20]!r}")
    day = _day(sqldate, "SQLDATE")
    added_text = f[C["DATEADDED"]]
    if len(added_text) != 14 or not added_text.isdigit():
        raise RowError(f"bad DATEADDED {added_text[:20]!r}")
    added = _day(added_text, "DATEADDED")
    code = f[C["EventCode"]]
    if not _CODE_RE.match(code) or f[C["EventRootCode"]] != code[:2]:
        raise RowError(f"bad EventCode {code[:20]!r} (root {f[C['EventRootCode']][:20]!r})")
    etype = taxonomy().for_cameo(code)
    if etype is None:
        raise RowError(f"EventCode {code!r} is no type of the taxonomy")
    goldstein = _float(f[C["GoldsteinScale"]], "GoldsteinScale")
    if abs(goldstein) > 10:
        raise RowError(f"bad GoldsteinScale {goldstein}")
    counts = {k: _int(f[C[col]], col) for k, col in (("num_mentions", "NumMentions"), ("num_sources", "NumSources"),
                                                      ("num_articles", "NumArticles"))}  # fmt: skip
    if min(counts.values()) < 0:
        raise RowError("negative NumMentions/NumSources/NumArticles")
    tone = _float(f[C["AvgTone"]], "AvgTone")
    root = f[C["IsRootEvent"]]
    if root not in ("0", "1"):
        raise RowError(f"bad IsRootEvent {root[:20]!r}")
    url = f[C["SOURCEURL"]].strip()
    if not url:
        raise RowError("no SOURCEURL")
    place = place_entity(f)

    actor = actor_entity(f[C["Actor1Code"]], f[C["Actor1CountryCode"]], f[C["Actor1KnownGroupCode"]], f[C["Actor1Type1Code"]])
    if actor is None:
        return None
    recipient = actor_entity(f[C["Actor2Code"]], f[C["Actor2CountryCode"]], f[C["Actor2KnownGroupCode"]], f[C["Actor2Type1Code"]])
    article = Article(id=Article.make_id("", url), text="", url=url, published=added, source="gdelt")
    coding = etype.coding_for(False, intended=code.startswith("03"))  # CAMEO 03: an expressed intention (when_intended)
    event = Event(
        type=etype.name,
        actors=(actor,),
        recipients=(recipient,) if recipient is not None else (),
        places=(place,) if place is not None else (),
        plover_type=coding.plover,
        plover_mode=coding.mode,
        cameo=coding.cameo,
        score=coding.score,
        date=day,
        date_precision=DatePrecision.DAY,
        date_text=sqldate,
        reported=added,
        polarity=Polarity.PLANNED if code.startswith("03") else Polarity.ASSERTED,
        confidence=round(1 - 0.5 ** max(counts["num_sources"], 1), 4),
        attributes={
            "source": "gdelt",
            "gdelt_id": gid,
            "gdelt_event_code": code,
            "goldstein": goldstein,
            **counts,
            "avg_tone": tone,
            "is_root_event": root == "1",
        },
        mentions=(Mention(article=article.id, sentence="", start=0, end=0),),
    )
    return event, article


# --- files ----------------------------------------------------------------------------------------


@dataclass
class BadRow:
    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass
class ImportReport:
    """What an import read, kept, collapsed and rejected."""

    files: int = 0
    rows: int = 0
    imported: int = 0
    unmapped: int = 0
    bad: int = 0
    collapsed: int = 0
    articles: int = 0
    events: int = 0
    errors: list[BadRow] = field(default_factory=list)
    unmapped_lines: list[BadRow] = field(default_factory=list)

    def reject(self, path: str, line: int, reason: str) -> None:
        self.bad += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(BadRow(path, line, reason))

    def skip(self, path: str, line: int, reason: str) -> None:
        self.unmapped += 1
        if len(self.unmapped_lines) < MAX_ERRORS_KEPT:
            self.unmapped_lines.append(BadRow(path, line, reason))

    def summary(self) -> str:
        return (
            f"{self.rows} row(s) in {self.files} file(s): {self.imported} imported, {self.unmapped} unmapped (actor neither a "
            f"known state nor organisation), {self.bad} bad; {self.collapsed} duplicate(s) collapsed; "
            f"{self.events} event report(s) from {self.articles} article(s)"
        )


def _printable(name: str) -> str:
    """A file or member name as it may be shown on a terminal: control characters escaped."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in name)


def _open_lines(path: Path) -> Iterator[tuple[str, Iterable[str]]]:
    """(name, lines) of a .CSV file or of each .csv member of a .zip; bytes that are not UTF-8 are replaced."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if info.is_dir():
                    continue
                with zf.open(info) as raw:
                    # member names come from the archive: shown escaped, never raw control characters
                    text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="\n")
                    yield _printable(f"{path}!{info.filename}"), text
    else:
        with open(path, encoding="utf-8-sig", errors="replace", newline="\n") as fh:
            yield _printable(str(path)), fh


def _input_bytes(paths: list[Path]) -> int:
    total = 0
    for p in paths:
        if zipfile.is_zipfile(p):
            with zipfile.ZipFile(p) as zf:
                total += sum(i.file_size for i in zf.infolist())
        else:
            total += p.stat().st_size
    return total


def _valid_lines(paths: list[Path], report: ImportReport) -> Iterator[tuple[str, str]]:
    """(SOURCEURL, line) of every row that makes an event; bad and unmapped rows go to the report."""
    for path in paths:
        report.files += 1
        name, lineno = _printable(str(path)), 0
        try:
            for name, lines in _open_lines(path):
                for lineno, line in enumerate(lines, 1):
                    if not line.strip():
                        continue
                    report.rows += 1
                    try:
                        fields = split_row(line)
                        got = row_event(fields)
                    except RowError as exc:
                        report.reject(name, lineno, str(exc))
                        continue
                    if got is None:
                        actor = fields[C["Actor1Code"]] or "(none)"
                        report.skip(name, lineno, f"Actor1 {actor} is no known state or organisation")
                        continue
                    report.imported += 1
                    yield fields[C["SOURCEURL"]].strip(), line
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError) as exc:
            # a damaged archive or file: what was read stays counted, the rest is one reported error
            detail = str(exc).splitlines()[0] if str(exc) else "damaged"
            report.rows += 1  # the unreadable rest counts as one bad row, so rows = imported + unmapped + bad
            report.reject(name, lineno + 1, f"cannot read further ({type(exc).__name__}: {detail})")


def _group(lines: Iterable[str], report: ImportReport) -> Iterator[Extraction]:
    """One Extraction per SOURCEURL of the lines, with its rows' events merged."""
    by_article: dict[str, tuple[Article, list[Event]]] = {}
    for line in lines:
        got = row_event(split_row(line))
        assert got is not None  # validated on the way in
        event, article = got
        by_article.setdefault(article.id, (article, []))[1].append(event)
    for article, events in by_article.values():
        merged = merge_events(events)
        report.collapsed += len(events) - len(merged)
        report.articles += 1
        report.events += len(merged)
        yield Extraction(article=article, events=merged)


def read_extractions(paths: Iterable[str | os.PathLike], report: ImportReport | None = None,
                     chunk_rows: int = DEFAULT_CHUNK_ROWS) -> Iterator[Extraction]:  # fmt: skip
    """Stream GDELT export files as one Extraction per source article, in bounded memory.

    Missing files raise FileNotFoundError before anything is read."""
    report = report if report is not None else ImportReport()
    files = [Path(p) for p in paths]
    for p in files:
        if not p.is_file():
            raise FileNotFoundError(f"{p}: no such file")
    buffer: list[tuple[str, str]] = []
    valid = _valid_lines(files, report)
    for item in valid:
        buffer.append(item)
        if len(buffer) >= chunk_rows:
            break
    else:
        yield from _group((line for _, line in buffer), report)
        return
    # The input is larger than one chunk: spill it into buckets by SOURCEURL.
    avg = max(1.0, sum(len(line) for _, line in buffer) / len(buffer))
    est_rows = _input_bytes(files) / avg
    nbuckets = max(2, min(4096, math.ceil(1.25 * est_rows / chunk_rows)))
    with tempfile.TemporaryDirectory(prefix="kg-gdelt-") as tmp:
        outs = [open(Path(tmp) / f"{i:04d}.tsv", "w", encoding="utf-8", newline="\n") for i in range(nbuckets)]  # noqa: SIM115
        try:
            for url, line in _chain(buffer, valid):
                outs[zlib.crc32(url.encode("utf-8")) % nbuckets].write(line if line.endswith("\n") else line + "\n")
        finally:
            for out in outs:
                out.close()
        buffer.clear()
        for i in range(nbuckets):
            bucket = Path(tmp) / f"{i:04d}.tsv"
            with open(bucket, encoding="utf-8", newline="\n") as fh:
                lines = fh.readlines()
            bucket.unlink()
            yield from _group(lines, report)
            del lines


def _chain(buffer: list, rest: Iterator) -> Iterator:
    yield from buffer
    yield from rest
