// name: evidence
// description: The sentences behind one derived relationship between two states, newest first: kind SUPPORTS or OPPOSES (an ALLIED_WITH rests on the SUPPORTS of both ways).
// param: source entity The state the relationship starts from (name, ISO3 or id; a leader or organ stands for its state).
// param: target entity The state it points to.
// param: kind string = SUPPORTS SUPPORTS or OPPOSES.
// param: limit int = 100 At most this many rows, newest first.
// param: offset int = 0 Skip this many rows first (offset=100 with limit=100 is the second page).
// Reads the derived relationship itself (rebuilt by `kg relations rebuild` and on every ingest) and its event_ids.
MATCH (x1:Entity) WHERE x1.name IS NOT NULL AND x1.country IS NOT NULL
  AND (toLower(x1.id) = toLower($source) OR toLower(x1.name) = toLower($source) OR toLower(coalesce(x1.iso3, '')) = toLower($source))
MATCH (x2:Entity) WHERE x2.name IS NOT NULL AND x2.country IS NOT NULL
  AND (toLower(x2.id) = toLower($target) OR toLower(x2.name) = toLower($target) OR toLower(coalesce(x2.iso3, '')) = toLower($target))
WITH DISTINCT 'state:' + x1.country AS s1, 'state:' + x2.country AS s2 WHERE s1 <> s2
MATCH (:State {id: s1})-[r:SUPPORTS|OPPOSES]->(:State {id: s2}) WHERE type(r) = toUpper($kind)
UNWIND r.event_ids AS id
MATCH (e:Event {id: id})-[m:REPORTED_IN]->(a:Article) WHERE m.id IS NOT NULL
RETURN DISTINCT toString(coalesce(e.date, e.reported)) AS date, e.type AS type, e.id AS event, m.sentence AS sentence,
       a.id AS article, m.start AS start
ORDER BY coalesce(date, '') DESC, event, article, start
SKIP $offset LIMIT $limit
