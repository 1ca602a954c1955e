-- Proves: in a one-column file a blank line is a row whose value is NULL (an empty unquoted field,
-- the only way to write a one-column NULL), "" is the empty string, and both round-trip: the
-- output writes the NULLs as blank lines again and "" as "". Lines 3 and 5 are NULL, line 4 is
-- the empty string.
-- Verified: by hand (no duckdb.sql: what a blank line means is this project's CSV convention,
-- not something another engine's reader settles).
CREATE TABLE people (
  name VARCHAR
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT name
FROM people;
