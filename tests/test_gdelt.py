"""GDELT 2.0 import: synthetic rows written here, and the real export in ../shared when present."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kg.model import EntityKind, Polarity
from kg.ontology import taxonomy
from kg.paths import ontology_dir
from loaders.gdelt import COLUMNS, NCOLS, ImportReport, read_extractions

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "data" / "gdelt" / "20191024143000.export.CSV"


def row(**values: str) -> str:
    """One GDELT row: USA GOV meets RUS GOV in Moscow, unless told otherwise."""
    f = dict.fromkeys(COLUMNS, "")
    f.update(
        GLOBALEVENTID="881990900", SQLDATE="20191023", MonthYear="201910", Year="2019", FractionDate="2019.8027",
        Actor1Code="USAGOV", Actor1Name="UNITED STATES", Actor1CountryCode="USA", Actor1Type1Code="GOV",
        Actor2Code="RUSGOV", Actor2Name="RUSSIA", Actor2CountryCode="RUS", Actor2Type1Code="GOV",
        IsRootEvent="1", EventCode="042", EventBaseCode="042", EventRootCode="04", QuadClass="1", GoldsteinScale="1.9",
        NumMentions="10", NumSources="2", NumArticles="10", AvgTone="-1.5",
        ActionGeo_Type="4", ActionGeo_FullName="Moscow, Moskva, Russia", ActionGeo_CountryCode="RS",
        ActionGeo_ADM1Code="RS48", ActionGeo_Lat="55.7522", ActionGeo_Long="37.6156", ActionGeo_FeatureID="-2960561",
        DATEADDED="20191024143000", SOURCEURL="https://example.org/news/1",
    )  # fmt: skip
    f.update(values)
    return "\t".join(f[c] for c in COLUMNS)


def write(tmp_path: Path, lines: list[str], name: str = "test.export.CSV") -> Path:
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_one_row_becomes_one_event_in_the_model(tmp_path):
    report = ImportReport()
    [ex] = list(read_extractions([write(tmp_path, [row()])], report))
    [ev] = ex.events
    assert (
        ex.article.url == "https://example.org/news/1"
        and ex.article.text == ""
        and ex.article.published.isoformat() == "2019-10-24"
    )
    assert ev.type == taxonomy().for_cameo("042").name == "Meeting"
    assert ev.plover_type == taxonomy()["Meeting"].coding.plover
    assert [a.id for a in ev.actors] == ["state:USA"] and [r.id for r in ev.recipients] == ["state:RUS"]
    [place] = ev.places
    assert place.kind is EntityKind.PLACE and place.country == "RUS" and place.geonames is None
    assert (place.lat, place.lon) == (55.7522, 37.6156)
    assert ev.date.isoformat() == "2019-10-23" and ev.reported.isoformat() == "2019-10-24"
    assert ev.attributes["gdelt_id"] == 881990900 and ev.attributes["num_sources"] == 2 and ev.attributes["avg_tone"] == -1.5
    assert ev.attributes["is_root_event"] is True and ev.attributes["source"] == "gdelt"
    assert ev.confidence == 0.75
    assert [(m.article, m.sentence, m.start, m.end) for m in ev.mentions] == [(ex.article.id, "", 0, 0)]
    assert (report.rows, report.imported, report.bad, report.unmapped) == (1, 1, 0, 0)


def test_bad_rows_are_counted_with_their_line_numbers(tmp_path):
    lines = [
        row(),
        "only\tthree\tcolumns",
        row(SQLDATE="20191340"),
        row(EventCode="04x", EventBaseCode="04x"),
        row(EventCode="042", EventRootCode="05"),
        row(DATEADDED="2019"),
        row(NumSources="many"),
        row(ActionGeo_Lat="123.0"),
        row(SOURCEURL=""),
        row(GoldsteinScale="nan"),
    ]
    report = ImportReport()
    extractions = list(read_extractions([write(tmp_path, lines)], report))
    assert sum(len(ex.events) for ex in extractions) == 1
    assert report.bad == 9 and report.rows == 10
    assert [e.line for e in report.errors] == [2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert "1 columns" not in str(report.errors[0]) and f"want {NCOLS}" in str(report.errors[0])
    assert "SQLDATE" in report.errors[1].reason and "EventCode" in report.errors[2].reason


def test_unmapped_actors_make_no_event_and_are_counted(tmp_path):
    lines = [
        row(Actor1Code="", Actor1CountryCode="", Actor1Type1Code=""),  # no actor at all
        row(Actor1Code="USABUS", Actor1Type1Code="BUS"),  # a business is not the state
        row(Actor1Code="AFR", Actor1CountryCode="AFR", Actor1Type1Code=""),  # a region is no state
        row(Actor2Code="USAEDU", Actor2CountryCode="USA", Actor2Type1Code="EDU", SOURCEURL="https://example.org/2"),
    ]
    report = ImportReport()
    [ex] = list(read_extractions([write(tmp_path, lines)], report))
    assert report.unmapped == 3 and [u.line for u in report.unmapped_lines] == [1, 2, 3]
    [ev] = ex.events
    assert ev.recipients == ()  # an unmappable recipient leaves the event without one, never a guess


def test_organisations_and_armed_groups_from_known_groups(tmp_path):
    lines = [
        row(Actor1Code="IGOUNODEVWBK", Actor1CountryCode="", Actor1KnownGroupCode="UNO", Actor1Type1Code="IGO"),
        row(Actor1Code="IGOEUREEC", Actor1CountryCode="EUR", Actor1KnownGroupCode="EEC", Actor1Type1Code="IGO", EventCode="043",
            EventBaseCode="043"),
        row(Actor1Code="AFGINSTAL", Actor1CountryCode="AFG", Actor1KnownGroupCode="TAL", Actor1Type1Code="INS", EventCode="190",
            EventBaseCode="190", EventRootCode="19"),
    ]  # fmt: skip
    [ex] = list(read_extractions([write(tmp_path, lines)]))
    actors = [ev.actors[0] for ev in ex.events]
    assert [a.id for a in actors] == ["org:world-bank", "org:eu", "org:taliban"]
    assert actors[2].kind is EntityKind.ARMED_GROUP and actors[2].country is None  # the Taliban are not Afghanistan


def test_duplicates_and_re_emitted_rows_collapse_onto_one_event(tmp_path):
    lines = [
        row(),
        row(),  # the very same row twice
        row(GLOBALEVENTID="881999999", DATEADDED="20191024144500"),  # re-emitted with a new id
        row(SOURCEURL="https://example.org/news/2", GLOBALEVENTID="881999998"),  # another article, same event
    ]
    report = ImportReport()
    extractions = list(read_extractions([write(tmp_path, lines)], report))
    assert len(extractions) == 2
    assert len({ev.id for ex in extractions for ev in ex.events}) == 1
    assert report.collapsed == 2 and report.events == 2


def test_intent_is_planned_and_every_code_maps_through_the_taxonomy(tmp_path):
    [ex] = list(read_extractions([write(tmp_path, [row(EventCode="036", EventBaseCode="036", EventRootCode="03")])]))
    assert ex.events[0].polarity is Polarity.PLANNED and ex.events[0].type == taxonomy().for_cameo("036").name
    for root in range(1, 21):
        assert taxonomy().for_cameo(f"{root:02d}0") is not None


def test_spilling_to_buckets_gives_the_same_graph_as_memory(tmp_path):
    lines = [
        row(GLOBALEVENTID=str(i), SOURCEURL=f"https://example.org/{i % 37}", SQLDATE=f"201910{1 + i % 28:02d}",
            EventCode=code, EventBaseCode=code, EventRootCode=code[:2])
        for i in range(600)
        for code in (("042", "190", "111", "051")[i % 4],)
    ]  # fmt: skip
    path = write(tmp_path, lines)

    def graph(chunk: int) -> set:
        return {(ex.article.id, ev.id, ev.mentions) for ex in read_extractions([path], chunk_rows=chunk) for ev in ex.events}

    in_memory = graph(10_000)
    assert graph(50) == in_memory and len({a for a, _, _ in in_memory}) == 37


def test_zip_exports(tmp_path):
    csv = write(tmp_path, [row(), "bad"])
    archive = tmp_path / "20191024143000.export.CSV.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(csv, csv.name)
    report = ImportReport()
    assert sum(len(ex.events) for ex in read_extractions([archive], report)) == 1
    assert report.bad == 1 and report.errors[0].path.endswith("!test.export.CSV") and report.errors[0].line == 2


def test_tables_are_well_formed():
    fips = json.loads((ontology_dir() / "fips-iso3.json").read_text())["codes"]
    assert all(len(k) == 2 and len(v) == 3 and v.isupper() for k, v in fips.items())
    assert fips["US"] == "USA" and fips["UK"] == "GBR" and fips["RS"] == "RUS" and fips["GM"] == "DEU" and fips["CH"] == "CHN"
    cameo = json.loads((ontology_dir() / "cameo-actors.json").read_text())
    assert cameo["countries"]["ROM"] == "ROU" and "AFR" in cameo["regions"]
    assert all({"id", "name", "kind"} <= set(g) for g in cameo["groups"].values())


def test_cli_imports_and_reports_bad_rows(tmp_path):
    path = write(tmp_path, [row(), "broken"])
    store = tmp_path / "store"
    proc = _run_cli(["import", "gdelt", str(path), "--store", str(store)])
    assert proc.returncode == 1
    assert f"{path}:2:" in proc.stderr and "1 bad" in proc.stdout
    stats = _run_cli(["stats", "--store", str(store)])
    assert "1 event(s)" in stats.stdout


def test_cli_missing_file_is_one_line(tmp_path):
    proc = _run_cli(["import", "gdelt", str(tmp_path / "nope.CSV"), "--store", str(tmp_path / "s")])
    assert proc.returncode == 2 and "no such file" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "s").exists()


def _run_cli(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", *args], capture_output=True, text=True, cwd=ROOT
    )


@pytest.fixture
def sample() -> Path:
    if not SAMPLE.is_file():
        pytest.skip("../shared/data/gdelt is not present")
    return SAMPLE


def test_real_export_reads_without_bad_rows(sample):
    report = ImportReport()
    extractions = list(read_extractions([sample], report))
    assert report.rows == 2111 and report.bad == 0
    assert report.imported + report.unmapped == 2111
    assert report.articles == len(extractions) == len({ex.article.id for ex in extractions})
    assert all(ev.actors for ex in extractions for ev in ex.events)


def test_real_export_same_counts_in_oxigraph_and_neo4j(sample, tmp_path, neo4j_uri):
    if importlib.util.find_spec("kg.stores.neo4j") is None:
        pytest.skip("the Neo4j store is not there yet")
    from kg.stores import open_store

    counts = []
    for spec in (str(tmp_path / "ox"), neo4j_uri):
        with open_store(spec) as st:
            st.write(read_extractions([sample]))
            s = st.stats()
            counts.append((s.articles, s.events, s.mentions, s.events_by_type, s.entities_by_kind))
    assert counts[0] == counts[1]


def test_benchmark_smoke(sample, tmp_path):
    script = str(ROOT / "bench" / "oxigraph_load.py")
    proc = subprocess.run([sys.executable, script, "--events", "300", "--workdir", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "writer / bulk_load" in proc.stdout
