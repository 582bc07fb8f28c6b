// name: condemnations
// description: Who condemned whom and when, with the sentence that says so (asserted condemnations only).
// param: since date = 0001-01-01 Only condemnations on or after this date (an undated one counts by the date it was reported).
MATCH (e:Event {type: 'Condemnation', polarity: 'asserted'})-[:ACTOR]->(x:Entity)
WITH e, x, coalesce(e.date, e.reported) AS d
WHERE d IS NULL OR d >= date($since)
OPTIONAL MATCH (e)-[:RECIPIENT]->(y:Entity)
MATCH (e)-[m:REPORTED_IN]->(a:Article) WHERE m.id IS NOT NULL
RETURN DISTINCT toString(d) AS date, x.name AS condemner, y.name AS condemned, m.sentence AS sentence, a.id AS article, m.start AS start
ORDER BY coalesce(date, ''), condemner, coalesce(condemned, ''), article, start, sentence
