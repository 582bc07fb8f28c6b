"""The embedded store against hostile text, a second writer, and kill -9 mid-ingest."""

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from kg import queries
from kg.model import Article, Entity, EntityKind, Event, Extraction, Mention
from kg.stores import StoreError, open_store

HOSTILE = [
    'He said "stop" \\ and left',
    "}} ; DROP ALL ; INSERT DATA { <urn:x> <urn:y> <urn:z> } #",
    "') DETACH DELETE n //",
    "MATCH (n) DETACH DELETE n",
    "<script>alert(1)</script>",
    "line\nbreak\ttab \u0000nul? \U0001f600 émoji",
    "' OR 1=1 --",
    "$since ?since {{since}}",
]


def _hostile_extraction(i: int, text: str) -> Extraction:
    actor = Entity(f"organisation:evil-{i}", text, EntityKind.ORGANISATION, country="PRK")
    target = Entity("state:RUS", "Russia", EntityKind.STATE, country="RUS")
    art = Article(id=f"a-{i}", text=text, title=text, url="https://example.org/?q=" + text[:5], published=dt.date(2025, 4, 28))
    ev = Event(
        "MilitaryAid",
        (actor,),
        (target,),
        plover_type="AID",
        plover_mode="military",
        score=10.0,
        reported=art.published,
        date_text=text,
        mentions=(Mention(art.id, text, 0, len(text)),),
        attributes={"note": text},
    )
    return Extraction(art, [ev])


def test_hostile_text_is_stored_verbatim_and_changes_nothing_else(tmp_path):
    extractions = [_hostile_extraction(i, t.replace("\u0000", "")) for i, t in enumerate(HOSTILE)]
    with open_store(str(tmp_path / "s")) as st:
        st.write(extractions)
        st.write(extractions)  # replacing an article's graph goes through SPARQL Update text
        events = sorted(st.events(), key=lambda e: e.actors[0].id)
        stats = st.stats()
    assert stats.articles == len(HOSTILE) and stats.events == len(HOSTILE) and stats.mentions == len(HOSTILE)
    assert [e.actors[0].name for e in events] == [
        x.events[0].actors[0].name for x in sorted(extractions, key=lambda x: x.events[0].actors[0].id)
    ]
    for ev in events:
        original = next(x.events[0] for x in extractions if x.events[0].id == ev.id)
        assert ev.mentions[0].sentence == original.mentions[0].sentence
        assert ev.attributes == original.attributes
    with open_store(str(tmp_path / "s"), read_only=True) as st:
        rows = st._select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { <urn:x> ?p ?o } }")
    assert rows == [{"n": 0}]


def test_query_parameters_cannot_become_query_text(tmp_path):
    with open_store(str(tmp_path / "s")) as st:
        st.write([_hostile_extraction(0, "text")])
        saved = queries.load("alliances")
        with pytest.raises(queries.QueryError):
            saved.bind({"since": '2020-01-01" } DROP ALL #'})
        from kg.stores.sparql import bind_parameters, to_term

        q = bind_parameters("SELECT * WHERE { ?s ?p ?since }", {"since": to_term('x" } ; DROP ALL ; #')})
        assert q == 'SELECT * WHERE { ?s ?p "x\\" } ; DROP ALL ; #" }'
        assert st.stats().events == 1


@pytest.mark.parametrize("name", ["../../etc/passwd", "alliances.rq", "/etc/passwd", "Alliances", ""])
def test_saved_query_names_cannot_leave_the_queries_folder(name):
    with pytest.raises(queries.QueryError):
        queries.load(name)


def test_a_second_writer_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "s"
    with open_store(str(path)):
        code = f"from kg.stores import open_store\nopen_store({str(path)!r})"
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode != 0
    assert f"store {path}: in use by another kg process" in proc.stderr


WRITER = textwrap.dedent(
    """
    import datetime as dt, sys
    from kg.model import Article, Entity, EntityKind, Event, Extraction, Mention
    from kg.stores import open_store

    def extraction(i):
        a = Entity(f"state:A{i % 50:02d}", f"A{i % 50}", EntityKind.STATE, country=f"A{i % 50:02d}")
        b = Entity(f"state:B{i % 37:02d}", f"B{i % 37}", EntityKind.STATE, country=f"B{i % 37:02d}")
        art = Article(id=f"art-{i}", text="x" * 200, published=dt.date(2020, 1, 1) + dt.timedelta(days=i % 900))
        evs = [Event(t, (a,), (b,), plover_type="X", score=1.0, reported=art.published,
                     mentions=(Mention(art.id, f"sentence {i} {t}", 0, 10),), attributes={"i": i})
               for t in ("Attack", "Meeting", "Condemnation")]
        return Extraction(art, evs)

    with open_store(sys.argv[1]) as st:
        for i in range(int(sys.argv[2])):
            st.write([extraction(i)])
            if i == 20:
                print("writing", flush=True)
    """
)


def _stats_and_ids(path):
    with open_store(str(path), read_only=True) as st:
        return st.stats().to_dict(), sorted(e.id for e in st.events())


def test_kill_9_during_ingest_then_rerun_equals_a_clean_run(tmp_path):
    n = 400
    clean, crashed = tmp_path / "clean", tmp_path / "crashed"
    subprocess.run([sys.executable, "-c", WRITER, str(clean), str(n)], check=True)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(crashed), str(n)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial, _ = _stats_and_ids(crashed)
    assert 0 < partial["articles"] < n, "the kill should land mid-ingest"
    assert partial["events"] == 3 * partial["articles"], "an article is written whole or not at all"
    subprocess.run([sys.executable, "-c", WRITER, str(crashed), str(n)], check=True)
    assert _stats_and_ids(crashed) == _stats_and_ids(clean)


def test_unknown_store_scheme_is_a_store_error():
    with pytest.raises(StoreError, match="unknown store"):
        open_store("ftp://example.org/x")
