// name: deployments
// description: Troop deployments, newest first: who sent forces, to help or against whom, where, when, how many, as what PLOVER coding, with mention counts.
// param: since date = 0001-01-01 Only deployments on or after this date (an undated one counts by the date it was reported).
// param: limit int = 100 At most this many rows, newest first.
// param: offset int = 0 Skip this many rows first (offset=100 with limit=100 is the second page).
// The page is found without reading every deployment:
// 1. The cut: the date of the (offset + limit)-th newest (deployment, deployer) that has a date, the
//    deployments walked newest first in the (type, date) index until the page is full. Each gives at
//    least one row, so every row of the page is on or after it.
// 2. The rows of the deployments on or after the cut (an undated one counts by the date it was
//    reported), sorted; without a cut (fewer than a page), of all of them.
OPTIONAL CALL () {
  MATCH (e:Event) WHERE e.type = 'Deployment' AND e.date >= date($since)
  WITH e ORDER BY e.type DESC, e.date DESC
  MATCH (e)-[:ACTOR]->(x:Entity)
  WITH DISTINCT e.type AS type, e.date AS d, e, x.name AS deployer
  RETURN d ORDER BY type DESC, d DESC LIMIT $offset + $limit
}
WITH min(d) AS low, count(d) AS n
WHERE $limit > 0
WITH CASE WHEN n = $offset + $limit THEN low END AS cut
CALL (cut) {
  MATCH (e:Event) WHERE e.type = 'Deployment' AND e.date >= cut
  RETURN e
  UNION ALL
  WITH cut WHERE cut IS NOT NULL
  MATCH (e:Deployment) WHERE e.type = 'Deployment' AND e.date IS NULL AND e.reported >= cut
  RETURN e
  UNION ALL
  WITH CASE WHEN cut IS NULL THEN 'Deployment' END AS every
  MATCH (e:Event {type: every})
  RETURN e
}
MATCH (e)-[:ACTOR]->(x:Entity)
WITH e, x, coalesce(e.date, e.reported) AS d
WHERE d IS NULL OR d >= date($since)
OPTIONAL MATCH (e)-[:RECIPIENT]->(y:Entity)
OPTIONAL MATCH (e)-[:IN_PLACE]->(p:Entity)
OPTIONAL MATCH (e)-[m:REPORTED_IN]->(:Article) WHERE m.id IS NOT NULL
WITH toString(d) AS date, x.name AS deployer, y.name AS recipient, p.name AS place,
     coalesce(e.plover_type, '') + '/' + coalesce(e.plover_mode, '') AS coding,
     CASE WHEN e.troops IS :: INTEGER THEN e.troops END AS troops, e.polarity AS polarity, e.id AS event,
     count(DISTINCT m.id) AS mentions
RETURN date, deployer, recipient, place, coding, troops, polarity, event, mentions
ORDER BY coalesce(date, '') DESC, deployer, coalesce(recipient, ''), coalesce(place, ''), event
SKIP $offset LIMIT $limit
