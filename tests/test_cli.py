"""The `kg` command line end to end on the seed: the contract later work and scripts rely on."""

import json
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import SEEDS

runner = CliRunner()


def kg(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory):
    store = str(tmp_path_factory.mktemp("cli") / "kg-data")
    result = kg("ingest", str(SEEDS), "--store", store)
    assert result.exit_code == 0, result.output
    return store


def test_extract_jsonl_has_every_contract_field():
    result = kg("extract", str(SEEDS), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events
    for ev in events:
        assert set(ev) >= {
            "id",
            "article",
            "type",
            "plover",
            "cameo",
            "score",
            "actors",
            "recipients",
            "places",
            "date",
            "date_text",
            "polarity",
            "attribution",
            "confidence",
            "attributes",
            "mentions",
        }
        assert set(ev["plover"]) == {"type", "mode"}
        assert ev["polarity"] in {"asserted", "denied", "hypothetical", "planned"}
        assert -10 <= ev["score"] <= 10
        assert ev["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", ev["date"])
        for ent in ev["actors"] + ev["recipients"]:
            assert {"id", "name", "kind"} <= set(ent)
            assert ent.get("country") is None or re.fullmatch(r"[A-Z]{3}", ent["country"])
        for m in ev["mentions"]:
            assert set(m) == {"article", "sentence", "start", "end"}
            assert m["article"] == "seed-north-korea-troops-russia"
    text = (SEEDS / "north-korea-troops-russia.txt").read_text(encoding="utf-8")
    for ev in events:
        for m in ev["mentions"]:
            assert text[m["start"] : m["end"]] == m["sentence"]


def test_extract_reads_standard_input():
    text = (SEEDS / "north-korea-troops-russia.txt").read_text(encoding="utf-8")
    result = kg("extract", "-", "--published", "2025-04-28", input=text)
    assert result.exit_code == 0, result.output
    types = {json.loads(line)["type"] for line in result.stdout.splitlines()}
    assert {"Deployment", "Condemnation"} <= types


def test_ingest_then_stats_shows_the_seed_graph(seeded_store):
    result = kg("stats", "--store", seeded_store, "--format", "json")
    assert result.exit_code == 0, result.output
    [stats] = json.loads(result.stdout)
    states = set(stats["entities"]["State"])
    assert {"North Korea", "Russia", "Ukraine", "United States", "South Korea"} <= states
    assert {"Kim Jong Un", "Vladimir Putin"} <= set(stats["entities"]["Person"])
    assert {"Deployment", "Seizure", "Condemnation"} <= set(stats["events_by_type"])
    assert stats["articles"] == 1


def test_ingesting_twice_changes_no_count(seeded_store):
    before = json.loads(kg("stats", "--store", seeded_store, "--format", "json").stdout)
    again = kg("ingest", str(SEEDS), "--store", seeded_store)
    assert again.exit_code == 0, again.output
    after = json.loads(kg("stats", "--store", seeded_store, "--format", "json").stdout)
    assert after == before


def test_query_alliances_on_the_embedded_store(seeded_store):
    result = kg("query", "alliances", "--store", seeded_store, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert any(r["supporter"] == "North Korea" and r["supported"] == "Russia" and r["events"] >= 1 for r in rows)


def test_query_pages_with_limit_and_offset_on_both_stores(seeded_store, neo4j_uri):
    """`kg query NAME --param limit=N --param offset=K` pages the rows, newest first, the same on
    the embedded store and on Neo4j; a bad page is one line and exit 2."""
    assert kg("ingest", str(SEEDS), "--store", neo4j_uri).exit_code == 0

    def rows(store: str, *params: str) -> list[dict]:
        args = [a for p in params for a in ("--param", p)]
        result = kg("query", "actor-profile", "--param", "actor=North Korea", *args, "--store", store, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    for store in (seeded_store, neo4j_uri):
        whole = rows(store, "limit=1000")
        assert len(whole) > 4
        assert [r.get("date", "") for r in whole] == sorted((r.get("date", "") for r in whole), reverse=True)
        assert rows(store, "limit=2") == whole[:2]
        assert rows(store, "limit=3", "offset=2") == whole[2:5]
        assert rows(store) == whole[:100]
        result = kg("query", "actor-profile", "--param", "actor=North Korea", "--param", "limit=-1", "--store", store)
        assert result.exit_code == 2 and "row count" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert rows(seeded_store, "limit=1000") == rows(neo4j_uri, "limit=1000")


def test_bad_inputs_are_reported_per_file_and_the_batch_goes_on(tmp_path, seeded_store):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "North Korea deployed troops to Russia."}\n{oops\n')
    store = str(tmp_path / "s")
    result = kg(
        "ingest",
        str(tmp_path / "missing.txt"),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "binary.txt"),
        str(tmp_path / "bad.jsonl"),
        str(SEEDS),
        "--store",
        store,
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("kg: error:")]
    assert errors == [
        f"kg: error: {tmp_path / 'missing.txt'}: no such file or folder",
        f"kg: error: {tmp_path / 'empty.txt'}: empty file",
        f"kg: error: {tmp_path / 'binary.txt'}: binary content, not a text file",
        f"kg: error: {tmp_path / 'bad.jsonl'}:2: malformed JSON (Expecting property name enclosed in double quotes at column 2)",
    ]
    assert "ingested 2 article(s)" in result.stdout
    stats = json.loads(kg("stats", "--store", store, "--format", "json").stdout)[0]
    assert stats["articles"] == 2


@pytest.mark.parametrize("store", ["ftp://nowhere/x", "bolt://127.0.0.1:1", "http://127.0.0.1:1/sparql"])
def test_unknown_or_unreachable_store_is_one_line_and_exit_2(store):
    result = kg("stats", "--store", store)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error:")


def test_saved_query_errors(seeded_store):
    assert kg("query", "../../etc/passwd", "--store", seeded_store).exit_code == 2
    result = kg("query", "alliances", "--param", "since=yesterday", "--store", seeded_store)
    assert result.exit_code == 2 and "not a valid date" in result.stderr
    result = kg("query", "alliances", "--param", "nope=1", "--store", seeded_store)
    assert result.exit_code == 2 and "has no parameter nope" in result.stderr


def test_queries_lists_every_saved_query():
    result = kg("queries")
    assert result.exit_code == 0
    assert "alliances" in result.stdout and "--param since=<date>" in result.stdout


def test_export_turtle_to_a_file(seeded_store, tmp_path):
    import rdflib

    out = tmp_path / "g.ttl"
    result = kg("export", "--store", seeded_store, "--format", "turtle", "--out", str(out))
    assert result.exit_code == 0, result.output
    g = rdflib.Graph().parse(out, format="turtle")
    assert len(g) > 50


@pytest.mark.parametrize(("name", "value", "says"), [
    ("GEOKG_EVENT_CLASSIFIER", "maybe", "use 1 (on) or 0 (off)"),
    ("GEOKG_EVENT_CLASSIFIER_MIN_P", "high", "a probability above 0 and at most 1"),
    ("GEOKG_EVENT_CLASSIFIER_MIN_P", "1.5", "a probability above 0 and at most 1"),
])
def test_a_meaningless_classifier_setting_is_one_line_and_exit_2(monkeypatch, tmp_path, name, value, says):
    monkeypatch.setenv(name, value)
    store = tmp_path / "kg-data"
    result = kg("ingest", str(SEEDS), "--store", str(store))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: ") and name in lines[0] and says in lines[0]
    monkeypatch.delenv(name)
    if store.exists():  # the store may have been opened, but no article went in
        stats = kg("stats", "--store", str(store))
        assert stats.exit_code == 0 and "0 article(s), 0 event(s)" in stats.stdout, stats.output
