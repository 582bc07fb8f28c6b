"""Shared fixtures. Servers are real: Neo4j from scripts/neo4j-server, Fuseki from
scripts/fuseki-server and Oxigraph's own server; each starts once per session on free ports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "neo4j_uri" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (reference data and the dev corpus); tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def extractor():
    """One Extractor for the whole session: loading spaCy and the gazetteer costs seconds."""
    from loaders.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor):
    """The events the extractor finds in a short text, published 2025-04-28 unless told."""
    import datetime as dt

    from kg.model import Article

    def run(text: str, published: dt.date = dt.date(2025, 4, 28), source: str | None = None):
        return extractor.extract_one(Article(id="t", text=text, published=published, source=source)).events

    return run


@pytest.fixture(scope="session")
def seed_extractions(extractor):
    """The seed article extracted once for the whole session (spaCy is slow to load)."""
    from loaders.readers import read_paths

    articles = [a for a in read_paths([str(SEEDS)]) if hasattr(a, "text")]
    return list(extractor.extract(articles))


@pytest.fixture
def oxigraph_dir(tmp_path) -> Path:
    return tmp_path / "store"


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """A real Neo4j 5.26 over Bolt for the whole session (auth disabled)."""
    if os.environ.get("KG_TEST_NEO4J_URI"):
        yield type("External", (), {"bolt_uri": os.environ["KG_TEST_NEO4J_URI"]})()
        return
    from tests.servers import neo4j_server as start

    with start(tmp_path_factory.mktemp("neo4j")) as server:
        yield server


@pytest.fixture
def neo4j_uri(neo4j_server) -> str:
    """The session's Neo4j, emptied before each test that uses it."""
    from neo4j import GraphDatabase

    with GraphDatabase.driver(neo4j_server.bolt_uri, auth=None) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    return neo4j_server.bolt_uri
