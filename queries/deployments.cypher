// name: deployments
// description: Troop deployments: who sent forces, to help or against whom, where, when, how many, as what PLOVER coding, with mention counts.
// param: since date = 0001-01-01 Only deployments on or after this date (an undated one counts by the date it was reported).
MATCH (e:Event {type: 'Deployment'})-[:ACTOR]->(x:Entity)
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
ORDER BY coalesce(date, ''), deployer, coalesce(recipient, ''), coalesce(place, ''), event
