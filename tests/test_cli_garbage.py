"""The real `kg` command on garbage: one-line errors on stderr, a meaningful exit code, never a traceback.

Each command runs once over a whole folder of hostile files (spaCy loads once per command), so the
test is a few processes, not one per file.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_gdelt import row

KG = str(ROOT / ".venv" / "bin" / "kg")
GOOD = "North Korea deployed troops to Russia on Monday, officials in Seoul said."


def run(*args: str, stdin: bytes | None = None, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [KG, *args], input=stdin, capture_output=True, timeout=timeout, env={**os.environ, "KG_QUIET": "1", **(env or {})}
    )


def assert_clean_failure(proc: subprocess.CompletedProcess, codes: tuple[int, ...] = (1, 2)) -> list[str]:
    """stderr is nothing but `kg: ...` lines, no traceback; the exit code says it failed."""
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Error:" not in err.replace("kg: error:", ""), err[-3000:]
    lines = err.splitlines()
    assert lines and all(line.startswith("kg: ") for line in lines), err[-3000:]
    assert all(len(line) < 400 for line in lines), max(lines, key=len)[:500]
    assert proc.returncode in codes, (proc.returncode, err[-2000:])
    return lines


def _garbage_articles(folder: Path) -> dict[str, bytes]:
    rnd = bytes((i * 7919 + 13) % 256 for i in range(6000))  # deterministic "random" bytes
    files = {
        "random.txt": rnd,
        "random.html": rnd,
        "random.jsonl": rnd,
        "random.rss": rnd,
        "empty.txt": b"",
        "blank.txt": b" \n\t\n ",
        "utf16.txt": GOOD.encode("utf-16"),
        "latin1.html": f"<p>{GOOD} Caf\u00e9 na\u00efve.</p>".encode("latin-1"),
        "bom.txt": b"\xef\xbb\xbf" + GOOD.encode(),
        "controls.txt": ("\x00\x07\x1b[31m" + GOOD + "\x1b[0m\x0b\x0c\x7f").encode(),
        "deep.html": ("<div>" * 5000 + GOOD + "</div>" * 5000).encode(),
        "unclosed.html": b"<html><body><p>" + GOOD.encode() + b"<script>while(1){}",
        "broken.rss": b"<?xml version='1.0'?><rss><channel><item><title>x</title><description>" + GOOD.encode(),
        "entities.rss": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;'
        b'&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>&c;</title>'
        b"<description>&c;</description></item></channel></rss>",
        "odd.jsonl": (
            '{"id": 7, "text": [1, 2]}\n[1, 2]\nnull\n"text"\n{"text": ""}\n'
            '{"text": "' + GOOD + '", "published": "not-a-date"}\n'
            '{"text": "' + GOOD + '", "published": 123456789012345678901234567890}\n'
            '{"text": "' + GOOD + '", "url": {"x": 1}, "title": 5, "id": {"a": 1}}\n'
            "{broken json\n"
        ).encode(),
        "unknown.bin": rnd,
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return files


@pytest.fixture(scope="module")
def garbage(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("garbage")
    _garbage_articles(folder)
    return folder


def test_kg_extract_on_garbage(garbage):
    proc = run("extract", str(garbage), str(garbage / "missing.txt"))
    lines = assert_clean_failure(proc, (1,))
    assert any("missing.txt" in line for line in lines)
    assert any("random.txt" in line for line in lines)
    for line in proc.stdout.decode().splitlines():  # what could be read still comes out, as JSON
        json.loads(line)


def test_kg_ingest_on_garbage(garbage, tmp_path):
    store = tmp_path / "store"
    proc = run("ingest", str(garbage), "--store", str(store))
    assert_clean_failure(proc, (1,))
    stats = run("stats", "--store", str(store), "--format", "json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)[0]["articles"] >= 1  # the readable articles went in


def test_kg_ingest_garbage_on_stdin(tmp_path):
    proc = run("ingest", "-", "--store", str(tmp_path / "store"), stdin=bytes(range(256)) * 50)
    assert_clean_failure(proc, (1,))


def _garbage_gdelt(folder: Path) -> list[Path]:
    good = io.BytesIO()
    with zipfile.ZipFile(good, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.CSV", (row() + "\n") * 200)
    corrupt = bytearray(good.getvalue())
    corrupt[corrupt.find(b"PK\x03\x04") + 40] ^= 0xFF
    files = {
        "random.export.CSV": bytes((i * 31 + 7) % 256 for i in range(5000)),
        "utf16.export.CSV": (row() + "\n").encode("utf-16"),
        "corrupt.export.CSV.zip": bytes(corrupt),
        "notreally.zip": b"PK\x03\x04 this is not a zip",
        "header.export.CSV": ("\t".join(["GLOBALEVENTID"] * 61) + "\n" + row() + "\n").encode(),
        "member\rname.zip": b"",
    }
    names = io.BytesIO()
    with zipfile.ZipFile(names, "w") as zf:
        zf.writestr("evil\n\x1b[2Jname.CSV", "garbage\n")
    files["member\rname.zip"] = names.getvalue()
    paths = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


# Inputs that once ended in a traceback. The nested line is refused with one line; the others
# are now read (surrogates replaced, a non-string source ignored) and their events stored.
READER_CRASHES = {
    # json.loads raises RecursionError, which _jsonl_record does not catch
    "nested.jsonl": ("[" * 100000 + "]" * 100000 + "\n").encode(),
    # lone surrogates from \\ud800 escapes reach spaCy / pyoxigraph / quote() and fail to encode
    "surrogates.jsonl": ('{"id": "s\\ud800", "title": "\\udc00", "text": "' + GOOD + ' \\ud83d"}\n').encode(),
    # a non-string "source" (or "outlet") is passed through to the extractor
    "source.jsonl": ('{"text": "' + GOOD + '", "source": [1]}\n').encode(),
}


@pytest.mark.parametrize("name", list(READER_CRASHES))
def test_kg_ingest_on_jsonl_that_once_crashed_the_reader(name, tmp_path):
    (tmp_path / name).write_bytes(READER_CRASHES[name])
    proc = run("ingest", str(tmp_path / name), "--store", str(tmp_path / "store"))
    if name == "nested.jsonl":
        [line] = assert_clean_failure(proc, (1,))
        assert line.endswith("nested.jsonl:1: JSON nested too deeply")
    else:
        err = proc.stderr.decode("utf-8", "replace")
        assert proc.returncode == 0 and "Traceback" not in err, err[-2000:]
        assert b"ingested 1 article(s)" in proc.stdout


@pytest.mark.parametrize("name", ["corrupt.export.CSV.zip", "member\rname.zip"])
def test_kg_import_gdelt_on_a_broken_zip(name, tmp_path):
    [path] = [p for p in _garbage_gdelt(tmp_path) if p.name == name]
    lines = assert_clean_failure(run("import", "gdelt", str(path), "--store", str(tmp_path / "store"), "--quiet"), (1, 2))
    assert not any("\x1b" in line for line in lines), "names from inside an archive are printed inertly"


def test_kg_import_gdelt_on_garbage(tmp_path):
    paths = [p for p in _garbage_gdelt(tmp_path) if p.suffix != ".zip" or p.name == "notreally.zip"]
    proc = run("import", "gdelt", *map(str, paths), "--store", str(tmp_path / "store"), "--quiet")
    lines = assert_clean_failure(proc, (1,))
    assert any("random.export.CSV" in line for line in lines)


@pytest.mark.parametrize(
    "args, message",
    [
        (["import", "gdelt", "/nonexistent/x.CSV"], "no such file"),
        (["query", "../../etc/passwd"], "not a saved query name"),
        (["query", "alliances", "-p", "since=2020-13-45"], "not a valid date"),
        (["query", "alliances", "-p", "nope=1"], "has no parameter"),
        (["stats", "--store", "ftp://example.org/x"], "unknown store"),
        (["ingest", "x.txt", "--store", "/etc/passwd"], "not a folder"),
        (["extract", "x.txt", "--published", "yesterday"], "not a date"),
    ],
)
def test_bad_arguments_are_one_line(args, message, tmp_path):
    proc = run(*args)
    [line] = assert_clean_failure(proc, (2,))
    assert message in line
