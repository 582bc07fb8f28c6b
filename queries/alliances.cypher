// name: alliances
// description: Who supports whom militarily (troops sent to help, weapons, military aid), state to state, with evidence counts.
// param: since date = 0001-01-01 Only events on or after this date (an undated event counts by the date it was reported).
MATCH (e:Event {plover_type: 'AID', plover_mode: 'military', polarity: 'asserted'})
MATCH (e)-[:ACTOR]->(x:Entity), (a:State {id: 'state:' + x.country})
MATCH (e)-[:RECIPIENT]->(y:Entity), (r:State {id: 'state:' + y.country})
WHERE a <> r
WITH e, a, r, coalesce(e.date, e.reported) AS d
WHERE d IS NULL OR d >= date($since)
MATCH (e)-[m:REPORTED_IN]->(:Article) WHERE m.id IS NOT NULL
RETURN a.name AS supporter, r.name AS supported, count(DISTINCT e) AS events, count(DISTINCT m.id) AS mentions,
       toString(min(d)) AS first, toString(max(d)) AS last
ORDER BY events DESC, supporter, supported
