// name: actor-profile
// description: Everything one state or leader did and received: as a state, also what its leaders, organs and forces did and received.
// param: actor entity A state, person or organisation: its name, ISO3 code or id (case does not matter).
// The subjects (the actor, and for a state everything of its country) are found first, among the few
// entities; only their own events are then read (planned the other way round, every event was).
MATCH (x:Entity) WHERE x.name IS NOT NULL
  AND (toLower(x.id) = toLower($actor) OR toLower(x.name) = toLower($actor) OR toLower(coalesce(x.iso3, '')) = toLower($actor))
MATCH (y:Entity) WHERE y = x OR (x:State AND y.country = x.iso3)
WITH DISTINCT y
MATCH (e:Event)-[r:ACTOR|RECIPIENT]->(y)
OPTIONAL MATCH (e)-[rc:ACTOR|RECIPIENT]->(c:Entity) WHERE type(rc) <> type(r)
WITH DISTINCT CASE type(r) WHEN 'ACTOR' THEN 'did' ELSE 'received' END AS role,
     toString(coalesce(e.date, e.reported)) AS date, e.type AS type, y.name AS subject, c.name AS counterpart,
     e.polarity AS polarity, e.id AS event
RETURN role, date, type, subject, counterpart, polarity, event
ORDER BY coalesce(date, ''), role, type, subject, coalesce(counterpart, ''), event
