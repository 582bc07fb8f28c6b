// name: condemnations
// description: Who condemned whom and when, newest first, with the sentence that says so (asserted condemnations only).
// param: since date = 0001-01-01 Only condemnations on or after this date (an undated one counts by the date it was reported).
// param: limit int = 100 At most this many rows, newest first.
// param: offset int = 0 Skip this many rows first (offset=100 with limit=100 is the second page).
// The page is found without reading every condemnation:
// 1. The cut: the date of the (offset + limit)-th newest (condemner, sentence) of a dated condemnation.
//    Each gives at least one row, so every row of the page is on or after it. The events are walked
//    newest first in the date index until the page is full (about page x events / condemnations of
//    them) when that is cheaper than reading every condemnation: when there are at least
//    sqrt(page x events) of them (the label count, read in constant time).
// 2. The rows of the condemnations on or after the cut (an undated one counts by the date it was
//    reported, found in the reported index), sorted; without a cut (fewer than a page, or no walk),
//    of all of them.
CALL () { MATCH (c:Condemnation) RETURN count(c) AS kind }
CALL () { MATCH (e:Event) RETURN count(e) AS events }
WITH kind >= sqrt(toFloat($offset + $limit) * events) AS walk
OPTIONAL CALL (walk) {
  WITH CASE WHEN walk THEN date($since) END AS first
  MATCH (e:Event) WHERE e.date >= first
  WITH e ORDER BY e.date DESC
  WHERE e.type = 'Condemnation' AND e.polarity = 'asserted'
  MATCH (e)-[:ACTOR]->(x:Entity)
  MATCH (e)-[m:REPORTED_IN]->(a:Article) WHERE m.id IS NOT NULL
  WITH DISTINCT e.date AS d, x.name AS condemner, m.sentence AS sentence, a.id AS article, m.start AS start
  RETURN d ORDER BY d DESC LIMIT $offset + $limit
}
WITH min(d) AS low, count(d) AS n
WHERE $limit > 0
WITH CASE WHEN n = $offset + $limit THEN low END AS cut
CALL (cut) {
  MATCH (e:Event) WHERE e.date >= cut AND e.type = 'Condemnation'
  RETURN e
  UNION ALL
  MATCH (e:Event) WHERE e.reported >= cut AND e.date IS NULL AND e.type = 'Condemnation'
  RETURN e
  UNION ALL
  WITH CASE WHEN cut IS NULL THEN 'Condemnation' END AS every
  MATCH (e:Event {type: every})
  RETURN e
}
WITH e WHERE e.polarity = 'asserted'
MATCH (e)-[:ACTOR]->(x:Entity)
WITH e, x, coalesce(e.date, e.reported) AS d
WHERE d IS NULL OR d >= date($since)
OPTIONAL MATCH (e)-[:RECIPIENT]->(y:Entity)
MATCH (e)-[m:REPORTED_IN]->(a:Article) WHERE m.id IS NOT NULL
RETURN DISTINCT toString(d) AS date, x.name AS condemner, y.name AS condemned, m.sentence AS sentence, a.id AS article, m.start AS start
ORDER BY coalesce(date, '') DESC, condemner, coalesce(condemned, ''), article, start, sentence
SKIP $offset LIMIT $limit
