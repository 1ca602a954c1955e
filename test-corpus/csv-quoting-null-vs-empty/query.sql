-- Proves: RFC 4180 input and output: quoted fields with commas, doubled quotes and a line break;
-- an empty unquoted field is NULL while "" is the empty string (and stays "" on output);
-- spaces inside a field are kept. Output quotes exactly the fields with , " or a line break.
-- Verified: DuckDB cross-check (duckdb.sql; DuckDB reads "" as the empty string and an empty
-- field as NULL with allow_quoted_nulls = false).
CREATE TABLE people (
  id   BIGINT,
  name VARCHAR,
  note VARCHAR
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, name, note,
       name IS NULL AS name_is_null,
       name = ''    AS name_is_empty
FROM people;
