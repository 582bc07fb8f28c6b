// name: dyad-timeline
// description: Every event between two states (either direction, through their leaders, organs and forces too) in date order.
// param: state entity North Korea, Russia, PRK or state:PRK: one side (a person or organisation stands for its state).
// param: other entity The other side, named the same ways.
MATCH (x1:Entity) WHERE x1.name IS NOT NULL AND x1.country IS NOT NULL
  AND (toLower(x1.id) = toLower($state) OR toLower(x1.name) = toLower($state) OR toLower(coalesce(x1.iso3, '')) = toLower($state))
MATCH (x2:Entity) WHERE x2.name IS NOT NULL AND x2.country IS NOT NULL
  AND (toLower(x2.id) = toLower($other) OR toLower(x2.name) = toLower($other) OR toLower(coalesce(x2.iso3, '')) = toLower($other))
WITH DISTINCT x1.country AS s1, x2.country AS s2 WHERE s1 <> s2
MATCH (p:Entity)<-[:ACTOR]-(e:Event)-[:RECIPIENT]->(q:Entity)
WHERE (p.country = s1 AND q.country = s2) OR (p.country = s2 AND q.country = s1)
OPTIONAL MATCH (e)-[m:REPORTED_IN]->(:Article) WHERE m.id IS NOT NULL
WITH toString(coalesce(e.date, e.reported)) AS date, e.type AS type, p.name AS actor, q.name AS recipient,
     e.polarity AS polarity, e.score AS score, e.id AS event, count(DISTINCT m.id) AS mentions
RETURN date, type, actor, recipient, polarity, score, event, mentions
ORDER BY coalesce(date, ''), type, actor, recipient, event
