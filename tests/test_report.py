"""Reports and the summary from real stores: hand-built events through the embedded store, the seed
article through the extractor, and the same report against Neo4j."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import importlib.util
import re

import pytest
from typer.testing import CliRunner

from kg.analysis import analyse
from kg.cli import app
from kg.model import Article, Extraction, Mention
from kg.report import ReportError, build_report, catalogue, render_html, safe_url, write_report
from kg.report.render import md_escape
from kg.report.summary import summary_text
from kg.stores import open_store
from tests.test_relations import ev

HOSTILE = 'South Korea denounced the deployment <script>alert("x")</script> & more.'
TEXT_A = "North Korea deployed troops to fight for Russia. North Korea supplied Russia with shells. Putin thanked Kim Jong Un."
TEXT_B = f"The United States condemned the deployment. {HOSTILE}"


def _mentioned(event, article: Article, sentence: str):
    start = article.text.index(sentence)
    return dataclasses.replace(event, mentions=(Mention(article.id, sentence, start, start + len(sentence)),))


def hand_built() -> list[Extraction]:
    a = Article(id="art-a", text=TEXT_A, title="Troops for Russia", url="https://news.example.org/a?x=1&y=2",
                published=dt.date(2025, 4, 28))
    b = Article(id="art-b", text=TEXT_B, title="Seoul <b>and</b> Washington", url="javascript:alert(1)",
                published=dt.date(2024, 11, 6))
    return [
        Extraction(a, [
            _mentioned(ev("Deployment", "PRK", "RUS", "2024-10-15", supporting=True), a,
                       "North Korea deployed troops to fight for Russia."),
            _mentioned(ev("MilitaryAid", "PRK", "RUS", "2024-11-01"), a, "North Korea supplied Russia with shells."),
            _mentioned(ev("Praise", "RUS", "PRK", "2025-04-28"), a, "Putin thanked Kim Jong Un."),
        ]),
        Extraction(b, [
            _mentioned(ev("Condemnation", "USA", "PRK", "2024-11-05"), b, "The United States condemned the deployment."),
            _mentioned(ev("Condemnation", "KOR", "PRK", "2024-11-06"), b, HOSTILE),
        ]),
    ]


@pytest.fixture
def store_dir(tmp_path):
    path = tmp_path / "store"
    with open_store(str(path)) as st:
        st.write(hand_built())
    return path


def _images(html: str) -> list[bytes]:
    return [base64.b64decode(m) for m in re.findall(r'<img src="data:image/(?:svg\+xml|png);base64,([A-Za-z0-9+/=]+)"', html)]


def test_relations_report_from_the_embedded_store(store_dir, tmp_path):
    with open_store(str(store_dir), create=False, read_only=True) as st:
        doc = build_report("relations", store=st)
    html = render_html(doc)
    titles = [s.title for s in doc.sections]
    assert titles[:3] == ["Summary", "Network of states", "Strongest relationships"]
    # the strongest relationships with their weights, in order
    strongest = doc.sections[2].tables[0].rows
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in strongest] == [
        ("North Korea", "is allied with", "Russia", 25.0, 3), ("North Korea", "supports", "Russia", 20.0, 2),
        ("Russia", "supports", "North Korea", 5.0, 1), ("South Korea", "opposes", "North Korea", 2.0, 1),
        ("United States", "opposes", "North Korea", 2.0, 1)]
    blocs = doc.sections[3].tables[0].rows
    assert blocs == [["1", "North Korea, Russia", pytest.approx(19.0369, abs=1e-3), 3]]
    # two pictures embedded, an SVG network naming the states
    images = _images(html)
    assert len(images) == 2 and b"<svg" in images[0] and b"North Korea" in images[0]
    # evidence sentences and http(s) links only
    assert "North Korea supplied Russia with shells." in html
    assert '<a href="https://news.example.org/a?x=1&amp;y=2"' in html
    assert "javascript:" not in html
    # the saved query section ran on the store
    q = next(s for s in doc.sections if s.kind == "query")
    assert [(r[0], r[1], r[2]) for r in q.tables[0].rows] == [("North Korea", "Russia", 2)]


def test_article_text_is_escaped(store_dir, tmp_path):
    with open_store(str(store_dir), create=False, read_only=True) as st:
        doc = build_report("relations", store=st)
    html = render_html(doc)
    assert "<script>" not in html and "<b>and</b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more." in html
    assert "Seoul &lt;b&gt;and&lt;/b&gt; Washington" in html  # the title, shown as text without a link
    out = tmp_path / "r.md"
    files = write_report(doc, out)
    md = out.read_text()
    assert "<script>" not in md and r"\<script\>" in md
    assert [f.suffix for f in files] == [".md", ".svg", ".svg"] and all(f.exists() for f in files)
    assert "](r_files/01-network.svg)" in md
    assert md_escape("a|b *c* [d](e) <f>") == r"a\|b \*c\* \[d\](e) \<f\>"


def test_safe_url():
    assert safe_url("https://example.org/x?a=1") == "https://example.org/x?a=1"
    assert safe_url("http://example.org") == "http://example.org"
    for bad in ("javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "/relative", "ftp://x.org/f",
                "https://", 'https://x.org/"onmouseover=', None, 42):
        assert safe_url(bad) is None


def test_reports_are_deterministic(store_dir, tmp_path):
    outs = []
    for i in range(2):
        with open_store(str(store_dir), create=False, read_only=True) as st:
            write_report(build_report("relations", store=st), tmp_path / f"r{i}.html")
        outs.append((tmp_path / f"r{i}.html").read_bytes())
    assert outs[0] == outs[1]


def test_dyad_report_with_parameters(store_dir):
    with open_store(str(store_dir), create=False, read_only=True) as st:
        doc = build_report("dyad", store=st, params={"a": "RUS", "b": "state:PRK"})
        assert doc.title == "Russia and North Korea"
        score = doc.sections[0].tables[0].rows
        assert [(r[0], r[2], r[5]) for r in score] == [("North Korea – Russia", 25.0, 3)]
        events_rows = next(s for s in doc.sections if s.kind == "events").tables[0].rows
        assert [(r[0], r[1], r[2], r[3]) for r in events_rows] == [
            ("2024-10-15", "Deployment", "North Korea → Russia", 10.0),
            ("2024-11-01", "MilitaryAid", "North Korea → Russia", 10.0),
            ("2025-04-28", "Praise", "Russia → North Korea", 5.0)]
        with pytest.raises(ReportError, match="needs --param b"):
            build_report("dyad", store=st, params={"a": "RUS"})
        with pytest.raises(ReportError, match="no parameter zz"):
            build_report("dyad", store=st, params={"a": "RUS", "b": "PRK", "zz": "1"})
        with pytest.raises(ReportError, match="no state 'Atlantis'"):
            build_report("dyad", store=st, params={"a": "RUS", "b": "Atlantis"})
    with pytest.raises(ReportError, match="no report named"):
        build_report("nope", events=[])


def test_users_write_their_own_report_script(store_dir, tmp_path):
    script = tmp_path / "mine.toml"
    script.write_text('title = "Mine"\nhalf_life_days = 0\n[[section]]\nkind = "dyads"\ntop = 2\n'
                      '[[section]]\nkind = "text"\ntext = "Written by hand <i>."\n')
    with open_store(str(store_dir), create=False, read_only=True) as st:
        doc = build_report(str(script), store=st)
    rows = [r[:3] for r in doc.sections[0].tables[0].rows]
    assert rows == [["North Korea – Russia", 25.0, 25.0], ["South Korea – North Korea", -2.0, -2.0]]
    assert "Written by hand &lt;i&gt;." in render_html(doc)
    bad = tmp_path / "bad.toml"
    bad.write_text('[[section]]\nkind = "pie"\n')
    with pytest.raises(ReportError, match="kind 'pie'"):
        build_report(str(bad), events=[])
    assert {s.name for s in catalogue()} >= {"relations", "dyad"}


def test_summary_text(store_dir):
    with open_store(str(store_dir), create=False, read_only=True) as st:
        text = summary_text(analyse(st.events()), location="demo")
    assert text.splitlines()[:2] == [
        "Relations between states in demo: 5 event(s) from 2 article(s), 2024-10-15 to 2025-04-28.",
        "States involved: North Korea, Russia, South Korea, United States.",
    ]
    assert "  North Korea supports Russia: 2 events, weight 20" in text
    assert "      “North Korea deployed troops to fight for Russia.”" in text
    assert "  South Korea opposes North Korea: 1 event, weight 2" in text
    assert "  North Korea, Russia (cohesion 19 from 3 events; allied: North Korea–Russia)" in text


def test_cli_report_and_summary(store_dir, tmp_path):
    runner = CliRunner()
    out = tmp_path / "report.html"
    res = runner.invoke(app, ["report", "relations", "--store", str(store_dir), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    assert "Strongest relationships" in out.read_text()
    res = runner.invoke(app, ["report", "relations", "--store", str(store_dir), "--from", "2024-11-02", "--out", str(out),
                              "-q"])
    assert res.exit_code == 0, res.output
    assert "period: 2024-11-02.." in out.read_text()
    res = runner.invoke(app, ["report", "dyad", "--store", str(store_dir), "--out", str(tmp_path / "d.md"), "-p", "a=PRK"])
    assert res.exit_code == 2 and "needs --param b" in res.output
    res = runner.invoke(app, ["summary", "--store", str(store_dir)])
    assert res.exit_code == 0 and "Strongest support:" in res.output and "North Korea supports Russia" in res.output


def test_api(store_dir, tmp_path):
    import kg.api as kg

    rel = kg.relations(str(store_dir))
    assert [(r["kind"], r["source"], r["target"], r["weight"]) for r in rel][:2] == [
        ("ALLIED_WITH", "state:PRK", "state:RUS", 25.0), ("SUPPORTS", "state:PRK", "state:RUS", 20.0)]
    rows = kg.query("alliances", str(store_dir), since="2024-01-01")
    assert [(r["supporter"], r["supported"], r["events"]) for r in rows] == [("North Korea", "Russia", 2)]
    g = kg.graph(str(store_dir))
    assert g.has_edge("state:PRK", "state:RUS", key="ALLIED_WITH")
    sg = kg.state_graph(str(store_dir))
    assert sg["state:PRK"]["state:RUS"]["weight"] == 25.0
    doc = kg.report("relations", tmp_path / "r.html", store=str(store_dir))
    assert doc.sections and (tmp_path / "r.html").exists()
    if importlib.util.find_spec("pandas") is None:
        with pytest.raises(ImportError, match="geokg\\[notebook\\]"):
            kg.query("alliances", str(store_dir), as_frame=True)
    else:
        assert list(kg.query("alliances", str(store_dir), as_frame=True)["supporter"]) == ["North Korea"]


# -- the seed article, through the extractor -----------------------------------------------------

needs_extractor = pytest.mark.skipif(
    importlib.util.find_spec("loaders.extract") is None, reason="the extractor (loaders.extract) has not landed yet")


def _check_seed_report(doc, html: str) -> None:
    blocs = next(s for s in doc.sections if s.kind == "blocs").tables[0].rows
    assert any({"North Korea", "Russia"} <= set(row[1].split(", ")) for row in blocs), blocs
    strongest = next(s for s in doc.sections if s.kind == "relations").tables[0].rows
    opposing = {(r[0], r[2]) for r in strongest if r[1] == "opposes"}
    assert ("United States", "North Korea") in opposing and ("South Korea", "North Korea") in opposing, strongest
    assert "The United States condemned the deployment" in html
    assert "South Korea also denounced the troop deployment" in html
    assert len(_images(html)) >= 1


@needs_extractor
def test_seed_relations_report(seed_extractions, tmp_path):
    with open_store(str(tmp_path / "seed")) as st:
        st.write(seed_extractions)
        doc = build_report("relations", store=st)
    _check_seed_report(doc, render_html(doc))


needs_neo4j_store = pytest.mark.skipif(
    importlib.util.find_spec("kg.stores.neo4j") is None, reason="the Neo4j store (kg.stores.neo4j) has not landed yet")


@needs_neo4j_store
def test_report_runs_against_neo4j(neo4j_uri, store_dir, tmp_path):
    with open_store(neo4j_uri) as st:
        st.write(hand_built())
        doc = build_report("relations", store=st)
    html = render_html(doc)
    strongest = doc.sections[2].tables[0].rows
    assert [(r[0], r[1], r[2], r[3]) for r in strongest][:3] == [
        ("North Korea", "is allied with", "Russia", 25.0), ("North Korea", "supports", "Russia", 20.0),
        ("Russia", "supports", "North Korea", 5.0)]
    assert '<a href="https://news.example.org/a?x=1&amp;y=2"' in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    # same numbers as the embedded store
    with open_store(str(store_dir), create=False, read_only=True) as st:
        embedded = build_report("relations", store=st)
    assert doc.sections[2].tables[0].rows == embedded.sections[2].tables[0].rows


@needs_extractor
@needs_neo4j_store
def test_seed_report_against_neo4j(neo4j_uri, seed_extractions):
    with open_store(neo4j_uri) as st:
        st.write(seed_extractions)
        doc = build_report("relations", store=st)
    _check_seed_report(doc, render_html(doc))
