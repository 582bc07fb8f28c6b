"""Property tests over the GDELT importer: no input makes it crash.

Random bytes, valid rows with any field replaced by anything (control characters, huge numbers,
NaN, empty), other encodings (UTF-16, Latin-1, BOMs), 10 MB lines and broken zip archives: every
non-blank line is accounted for as imported, unmapped or bad (with a one-line reason), and every
event that comes out is sane. The end-to-end `kg import gdelt` on garbage is in test_cli_garbage.
"""

from __future__ import annotations

import io
import math
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.gdelt import COLUMNS, NCOLS, ImportReport, read_extractions
from tests.test_gdelt import row

SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
# Characters that make trouble: separators, line ends, controls, quotes, escapes, surrogate-free exotica.
NASTY = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("\t\r\n\x00\x0b\x0c\x1b\x7f\x85\u2028\ufeff\"'\\{}<>$?#;")),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=40,
)
NUMBERISH = st.sampled_from(
    ["", "-", "nan", "NaN", "inf", "-inf", "1e999", "-1e999", "99999999999999999999999999", "0x10", "1_000", " 1", "١٢",
     "20191301", "20190230", "00000000", "99991231", "2019102314300", "201910241430000", "-1", "10.5", "1,5"]
)  # fmt: skip


def _import(path: Path, chunk_rows: int = 100) -> tuple[list, ImportReport]:
    report = ImportReport()
    extractions = list(read_extractions([path], report, chunk_rows=chunk_rows))
    return extractions, report


def _check(extractions: list, report: ImportReport, nonblank_lines: int | None = None) -> None:
    assert report.rows == report.imported + report.unmapped + report.bad
    if nonblank_lines is not None:
        assert report.rows == nonblank_lines
    for err in report.errors + report.unmapped_lines:
        assert "\n" not in str(err) and "\r" not in str(err) and len(str(err)) < 2000
    assert sum(len(x.events) for x in extractions) == report.events <= report.imported
    for x in extractions:
        assert x.article.url and x.article.text == ""
        for ev in x.events:
            assert ev.actors and ev.mentions and ev.date is not None
            assert -10 <= ev.score <= 10 and 0 <= ev.confidence <= 1
            assert all(math.isfinite(v) for v in ev.attributes.values() if isinstance(v, float))
            for place in ev.places:
                assert place.lat is None or -90 <= place.lat <= 90
                assert place.lon is None or -180 <= place.lon <= 180


def _nonblank(data: str) -> int:
    return sum(1 for line in data.split("\n") if line.strip())


@SETTINGS
@given(data=st.binary(max_size=6000))
def test_random_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("g") / "random.export.CSV"
    path.write_bytes(data)
    _check(*_import(path))


@SETTINGS
@given(
    fields=st.lists(st.tuples(st.sampled_from(COLUMNS), st.one_of(NASTY, NUMBERISH)), min_size=1, max_size=6),
    copies=st.integers(1, 3),
)
def test_valid_rows_with_any_field_replaced(tmp_path_factory, fields, copies):
    lines = [row(), row(**dict(fields))] * copies + [row(SOURCEURL="https://example.org/news/2")]
    text = "".join(line + "\n" for line in lines)
    path = tmp_path_factory.mktemp("g") / "mutated.export.CSV"
    path.write_text(text, encoding="utf-8")
    extractions, report = _import(path)
    _check(extractions, report)
    # the untouched rows around the mutated one still go in
    assert report.imported >= copies + 1
    assert "https://example.org/news/2" in {x.article.url for x in extractions}


@SETTINGS
@given(
    n=st.integers(1, 4),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252"]),
    name=st.text(alphabet="abcdeéüßçñ", max_size=12),
)
def test_other_encodings_and_byte_order_marks(tmp_path_factory, n, encoding, name):
    lines = [row(GLOBALEVENTID=str(900 + i), SOURCEURL=f"https://example.org/{name}/{i}", Actor1Name=name) for i in range(n)]
    data = "".join(line + "\r\n" for line in lines)
    path = tmp_path_factory.mktemp("g") / "encoded.export.CSV"
    path.write_bytes(data.encode(encoding))
    extractions, report = _import(path)
    _check(extractions, report)
    if encoding in ("utf-8", "latin-1", "cp1252") and name.isascii():
        assert report.imported == n  # ASCII is the same bytes in these


@SETTINGS
@given(
    members=st.lists(
        st.tuples(st.text(alphabet=st.characters(min_codepoint=32), max_size=10), st.binary(max_size=800)), max_size=3
    ),
    good=st.booleans(),
)
def test_zip_archives_with_any_members(tmp_path_factory, members, good):
    path = tmp_path_factory.mktemp("g") / "export.CSV.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, (name, data) in enumerate(members):
            zf.writestr(f"{i}-{name}.CSV", data)
        if good:
            zf.writestr("good.CSV", row() + "\n")
    extractions, report = _import(path)
    _check(extractions, report)
    assert report.imported == (1 if good else 0)


def test_empty_fields_blank_lines_and_a_row_of_tabs(tmp_path):
    lines = ["", "   ", "\t" * (NCOLS - 1), "\t" * NCOLS, row(SOURCEURL=""), row(Actor1Code="", Actor1CountryCode=""), row()]
    path = tmp_path / "blank.export.CSV"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    extractions, report = _import(path)
    _check(extractions, report)
    # a line of nothing but tabs is blank, not a row; the three real rows are each accounted for
    assert (report.rows, report.imported, report.unmapped, report.bad) == (3, 1, 1, 1)
    assert "SOURCEURL" in report.errors[0].reason


@pytest.mark.parametrize("where", ["SOURCEURL", "Actor1Name", "GLOBALEVENTID"])
def test_a_10_mb_line_is_imported_or_refused_in_one_line(tmp_path, where):
    big = "https://example.org/" + "x" * (10 * 1024 * 1024) if where == "SOURCEURL" else "9" * (10 * 1024 * 1024)
    path = tmp_path / "big.export.CSV"
    path.write_text(row(**{where: big}) + "\n" + row(SOURCEURL="https://example.org/small") + "\n", encoding="utf-8")
    extractions, report = _import(path)
    _check(extractions, report, 2)
    assert "https://example.org/small" in {x.article.url for x in extractions}
    for err in report.errors:
        assert len(err.reason) < 200


def test_chunked_spilling_path_survives_garbage(tmp_path):
    """Beyond one chunk the valid lines are spilled to bucket files: garbage between them changes nothing."""
    lines = []
    for i in range(400):
        lines.append(row(GLOBALEVENTID=str(i), SOURCEURL=f"https://example.org/a/{i % 37}", ActionGeo_FullName=f"Pl\u00e4ce {i}"))
        lines.append("\x00\x1b garbage \ufeff" + "\t" * (i % 70))
    path = tmp_path / "mixed.export.CSV"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    small, report_small = _import(path, chunk_rows=100)  # spills
    _check(small, report_small, 800)
    big, report_big = _import(path, chunk_rows=100_000)  # in memory
    assert (report_small.imported, report_small.bad) == (report_big.imported, report_big.bad) == (400, 400)
    key = lambda xs: sorted((x.article.id, tuple(sorted(e.id for e in x.events))) for x in xs)  # noqa: E731
    assert key(small) == key(big)


def test_utf8_bom_does_not_cost_the_first_row(tmp_path):
    """Spreadsheet tools and Windows editors write a UTF-8 BOM; the first row is a real row."""
    path = tmp_path / "bom.export.CSV"
    path.write_bytes(b"\xef\xbb\xbf" + (row() + "\n" + row(SOURCEURL="https://example.org/2") + "\n").encode())
    _, report = _import(path)
    assert (report.imported, report.bad) == (2, 0), report.errors


def _corrupt_zips(tmp_path: Path) -> list[Path]:
    good = io.BytesIO()
    with zipfile.ZipFile(good, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.CSV", (row() + "\n") * 300)
    data = good.getvalue()
    out = []
    crc = bytearray(data)
    start = crc.find(b"PK\x03\x04") + 30 + len("a.CSV")
    crc[start + 20] ^= 0xFF  # flip a byte of the deflated data: a CRC or inflate error
    out.append(("crc.zip", bytes(crc)))
    out.append(("truncated.zip", data[: len(data) // 2] + data[-22:]))  # central directory points nowhere
    method = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        i = method.find(sig)
        method[i + off : i + off + 2] = (99).to_bytes(2, "little")  # unknown compression method
    out.append(("method.zip", bytes(method)))
    enc = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        enc[enc.find(sig) + off] |= 1  # "encrypted"
    out.append(("encrypted.zip", bytes(enc)))
    paths = []
    for name, blob in out:
        (tmp_path / name).write_bytes(blob)
        paths.append(tmp_path / name)
    return paths


CORRUPT_ZIPS = ["crc.zip", "truncated.zip", "method.zip", "encrypted.zip"]


@pytest.mark.parametrize("name", CORRUPT_ZIPS)
def test_a_corrupt_zip_is_a_reported_error_not_an_exception(tmp_path, name):
    [path] = [p for p in _corrupt_zips(tmp_path) if p.name == name]
    extractions, report = _import(path)
    _check(extractions, report)
    assert report.bad >= 1 and any(name in str(e) for e in report.errors), report.errors


def test_zip_member_names_with_line_breaks_and_escapes_stay_on_one_line(tmp_path):
    path = tmp_path / "names.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("evil\r\n\x1b[2Jname.CSV", "garbage\n")
    extractions, report = _import(path)
    _check(extractions, report)
    assert report.bad == 1 and "\x1b" not in str(report.errors[0])
