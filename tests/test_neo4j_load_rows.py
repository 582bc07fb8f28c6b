"""The Neo4j loader's fast path (positional CREATE rows, pipelined statements) writes the graph the
MERGE-only path writes, and the relation rebuild's narrow read derives what events() derives."""

from __future__ import annotations

from kg.stores import open_store
from tests.test_neo4j_store import cypher, sample


def dump(uri: str) -> tuple[list, list]:
    nodes = cypher(uri, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = cypher(
        uri,
        """MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b""",
    )

    def key(x: dict) -> str:
        return repr(sorted((k, sorted(map(repr, v)) if isinstance(v, list) else repr(v)) for k, v in x.items()))

    return sorted(map(key, nodes)), sorted(map(key, rels))


def test_fast_path_writes_the_graph_the_merge_path_writes(neo4j_uri, seed_extractions, monkeypatch):
    import kg.stores.neo4j as neo

    data = [*sample(), *seed_extractions]
    monkeypatch.setattr(neo, "PIPELINE_ROWS", 3)  # several CREATE_EVENTS chunks in a batch
    with open_store(neo4j_uri) as st:
        st.write(data[: len(data) // 2])
        st.write(data[len(data) // 2 :])
    fast = dump(neo4j_uri)
    cypher(neo4j_uri, "MATCH (n) DETACH DELETE n")
    write_rows = neo._write_rows
    monkeypatch.setattr(neo, "_write_rows", lambda tx, rows, _fast, written: write_rows(tx, rows, False, written))
    with open_store(neo4j_uri) as st:
        st.write(data[: len(data) // 2])
        st.write(data[len(data) // 2 :])
    assert len(fast[0]) > 20 and len(fast[1]) > 40
    assert dump(neo4j_uri) == fast


def test_rebuilt_relations_equal_those_derived_from_events_with_their_dates(neo4j_uri, seed_extractions):
    from kg.relations import derive_relations

    with open_store(neo4j_uri) as st:
        st.write(list(seed_extractions))
        st.write(sample())
        expected = derive_relations(st.events())
    stored = cypher(
        neo4j_uri,
        """MATCH (a:State)-[r:SUPPORTS|OPPOSES|ALLIED_WITH]->(b:State)
           RETURN type(r) AS kind, a.id AS a, b.id AS b, r.weight AS weight, r.events AS n,
                  toString(r.first) AS first, toString(r.last) AS last, r.event_ids AS ids""",
    )
    assert len(expected) > 5
    assert sorted(
        (r["kind"], r["a"], r["b"], r["weight"], r["n"], r["first"], r["last"], tuple(r["ids"])) for r in stored
    ) == sorted(
        (
            r.kind, r.source.id, r.target.id, r.weight, r.count,
            r.first.isoformat() if r.first else None, r.last.isoformat() if r.last else None, r.event_ids,
        )
        for r in expected
    )  # fmt: skip
