// name: connection
// description: The shortest connections between two actors through shared events (up to three events), each path as one line.
// param: source entity One actor: a state, person, organisation or place by name, ISO3 code or id.
// param: target entity The other actor.
MATCH (s:Entity) WHERE s.name IS NOT NULL
  AND (toLower(s.id) = toLower($source) OR toLower(s.name) = toLower($source) OR toLower(coalesce(s.iso3, '')) = toLower($source))
MATCH (t:Entity) WHERE t.name IS NOT NULL
  AND (toLower(t.id) = toLower($target) OR toLower(t.name) = toLower($target) OR toLower(coalesce(t.iso3, '')) = toLower($target))
WITH s, t WHERE s <> t
MATCH p = allShortestPaths((s)-[:ACTOR|RECIPIENT*..6]-(t))
RETURN DISTINCT length(p) / 2 AS hops,
       reduce(acc = '', n IN nodes(p) | acc + CASE WHEN n:Event THEN ' -[' + n.type + ']- ' ELSE n.name END) AS path
ORDER BY hops, path
