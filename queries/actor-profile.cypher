// name: actor-profile
// description: What one state or leader did and received, newest first: as a state, also what its leaders, organs and forces did and received.
// param: actor entity A state, person or organisation: its name, ISO3 code or id (case does not matter).
// param: limit int = 100 At most this many rows, newest first.
// param: offset int = 0 Skip this many rows first (offset=100 with limit=100 is the second page).
// The subjects (the actor, and for a state everything of its country) are found first, among the few
// entities. Then the page is found without reading every event of the subjects:
// 1. The cut: the date of the (offset + limit)-th newest (event, role, subject) of the subjects. Each
//    gives at least one row, so every row of the page is on or after it. For a busy actor (its roles
//    at least sqrt(page x all events)) the events are walked newest first in the date index until
//    the page is full (about page x events / roles of them); for the others, their own roles are read.
// 2. The rows of the events on or after the cut (an undated event counts by the date it was reported,
//    found in the reported index), sorted; without a cut (fewer roles than the page), all of them.
MATCH (x:Entity) WHERE x.name IS NOT NULL
  AND (toLower(x.id) = toLower($actor) OR toLower(x.name) = toLower($actor) OR toLower(coalesce(x.iso3, '')) = toLower($actor))
MATCH (y:Entity) WHERE y = x OR (x:State AND y.country = x.iso3)
WITH collect(DISTINCT y) AS ys
WITH ys, reduce(n = 0, y IN ys | n + COUNT { (y)<-[:ACTOR|RECIPIENT]-() }) AS roles
WHERE $limit > 0
CALL () { MATCH (e:Event) RETURN count(e) AS events }
WITH ys, roles >= sqrt(toFloat($offset + $limit) * events) AS walk
OPTIONAL CALL (ys, walk) {
  WITH ys, CASE WHEN walk THEN date('0001-01-01') END AS first
  MATCH (e:Event) WHERE e.date >= first
  WITH ys, e ORDER BY e.date DESC
  MATCH (e)-[r:ACTOR|RECIPIENT]->(y) WHERE y IN ys
  WITH DISTINCT e.date AS d, e, type(r) AS role, y.name AS subject
  RETURN d ORDER BY d DESC LIMIT $offset + $limit
  UNION ALL
  WITH ys WHERE NOT walk
  UNWIND ys AS y
  MATCH (e:Event)-[r:ACTOR|RECIPIENT]->(y) WHERE e.date IS NOT NULL
  WITH DISTINCT e.date AS d, e, type(r) AS role, y.name AS subject
  RETURN d ORDER BY d DESC LIMIT $offset + $limit
}
WITH ys, walk, min(d) AS low, count(d) AS n
WITH ys, walk, CASE WHEN n = $offset + $limit THEN low END AS cut
CALL (ys, walk, cut) {
  WITH ys, CASE WHEN walk THEN cut END AS from
  MATCH (e:Event) WHERE e.date >= from
  MATCH (e)-[r:ACTOR|RECIPIENT]->(y) WHERE y IN ys
  RETURN e, r, y
  UNION ALL
  WITH ys, CASE WHEN walk THEN cut END AS from
  MATCH (e:Event) WHERE e.reported >= from AND e.date IS NULL
  MATCH (e)-[r:ACTOR|RECIPIENT]->(y) WHERE y IN ys
  RETURN e, r, y
  UNION ALL
  WITH ys, cut WHERE NOT walk OR cut IS NULL
  UNWIND ys AS y
  MATCH (e:Event)-[r:ACTOR|RECIPIENT]->(y) WHERE cut IS NULL OR coalesce(e.date, e.reported) >= cut
  RETURN e, r, y
}
OPTIONAL MATCH (e)-[rc:ACTOR|RECIPIENT]->(c:Entity) WHERE type(rc) <> type(r)
WITH DISTINCT CASE type(r) WHEN 'ACTOR' THEN 'did' ELSE 'received' END AS role,
     toString(coalesce(e.date, e.reported)) AS date, e.type AS type, y.name AS subject, c.name AS counterpart,
     e.polarity AS polarity, e.id AS event
RETURN role, date, type, subject, counterpart, polarity, event
ORDER BY coalesce(date, '') DESC, role, type, subject, coalesce(counterpart, ''), event
SKIP $offset LIMIT $limit
