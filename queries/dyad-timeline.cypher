// name: dyad-timeline
// description: The events between two states (either direction, through their leaders, organs and forces too), newest first.
// param: state entity North Korea, Russia, PRK or state:PRK: one side (a person or organisation stands for its state).
// param: other entity The other side, named the same ways.
// param: limit int = 100 At most this many rows, newest first.
// param: offset int = 0 Skip this many rows first (offset=100 with limit=100 is the second page).
// The two sides are found first, as (acting country, receiving country) pairs, both ways round. Then
// the page is found without reading every event of either side:
// 1. The cut: the date of the (offset + limit)-th newest (event, actor, recipient) between the sides.
//    Each gives at least one row, so every row of the page is on or after it. When the quieter side
//    has more roles than 10,000 + 100 x page, the newest events are walked in the date index, at most
//    that many of them, until the page is full (so the walk never costs more than reading that side).
// 2. The rows of the events between the sides on or after the cut (an undated event counts by the
//    date it was reported, found in the reported index), sorted. Without a cut (no walk, the pair has
//    fewer events than a page, or too few among the newest), every event of the two sides is read.
MATCH (x1:Entity) WHERE x1.name IS NOT NULL AND x1.country IS NOT NULL
  AND (toLower(x1.id) = toLower($state) OR toLower(x1.name) = toLower($state) OR toLower(coalesce(x1.iso3, '')) = toLower($state))
MATCH (x2:Entity) WHERE x2.name IS NOT NULL AND x2.country IS NOT NULL
  AND (toLower(x2.id) = toLower($other) OR toLower(x2.name) = toLower($other) OR toLower(coalesce(x2.iso3, '')) = toLower($other))
WITH DISTINCT x1.country AS s1, x2.country AS s2 WHERE s1 <> s2
UNWIND [[s1, s2], [s2, s1]] AS way
WITH DISTINCT way
WITH collect(way) AS ways, collect(DISTINCT way[0]) AS sides
WHERE $limit > 0 AND size(ways) > 0
// The roles of the quieter side (the degrees of its entities, read in constant time): what reading
// its events would cost. The walk is tried only when that is more than the walk's most.
CALL (sides) {
  UNWIND sides AS side
  MATCH (p:Entity) WHERE p.country = side
  WITH side, sum(COUNT { (p)<-[:ACTOR|RECIPIENT]-() }) AS roles
  RETURN min(roles) AS fewest
}
WITH ways, sides, fewest > 10000 + 100 * ($offset + $limit) AS walk
OPTIONAL CALL (ways, sides, walk) {
  WITH ways, sides, CASE WHEN walk THEN date('0001-01-01') END AS first
  MATCH (e:Event) WHERE e.date >= first
  WITH ways, sides, e ORDER BY e.date DESC LIMIT 10000 + 100 * ($offset + $limit)
  MATCH (e)-[:RECIPIENT]->(q:Entity) WHERE q.country IN sides
  MATCH (e)-[:ACTOR]->(p:Entity) WHERE [p.country, q.country] IN ways
  WITH DISTINCT e.date AS d, e, p.name AS actor, q.name AS recipient
  RETURN d ORDER BY d DESC LIMIT $offset + $limit
}
WITH ways, sides, min(d) AS low, count(d) AS n
WITH ways, sides, CASE WHEN n = $offset + $limit THEN low END AS cut
CALL (ways, sides, cut) {
  MATCH (e:Event) WHERE e.date >= cut
  MATCH (e)-[:RECIPIENT]->(q:Entity) WHERE q.country IN sides
  MATCH (e)-[:ACTOR]->(p:Entity) WHERE [p.country, q.country] IN ways
  RETURN e, p, q
  UNION ALL
  MATCH (e:Event) WHERE e.reported >= cut AND e.date IS NULL
  MATCH (e)-[:RECIPIENT]->(q:Entity) WHERE q.country IN sides
  MATCH (e)-[:ACTOR]->(p:Entity) WHERE [p.country, q.country] IN ways
  RETURN e, p, q
  UNION ALL
  WITH ways, sides WHERE cut IS NULL
  MATCH (p:Entity)<-[:ACTOR]-(e:Event)-[:RECIPIENT]->(q:Entity) USING JOIN ON e
  WHERE p.country IN sides AND q.country IN sides AND [p.country, q.country] IN ways
  RETURN e, p, q
}
OPTIONAL MATCH (e)-[m:REPORTED_IN]->(:Article) WHERE m.id IS NOT NULL
WITH toString(coalesce(e.date, e.reported)) AS date, e.type AS type, p.name AS actor, q.name AS recipient,
     e.polarity AS polarity, e.score AS score, e.id AS event, count(DISTINCT m.id) AS mentions
RETURN date, type, actor, recipient, polarity, score, event, mentions
ORDER BY coalesce(date, '') DESC, type, actor, recipient, event
SKIP $offset LIMIT $limit
