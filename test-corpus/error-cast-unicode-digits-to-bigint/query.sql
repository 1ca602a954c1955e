-- Proves: CAST of text to BIGINT takes ASCII digits only, as the CSV decoder does: '١٢' (the
-- Arabic-Indic digits for 12) is a failing cast, named on line 3. Java's Long.parseLong takes
-- digits of every script, so the cast gave 12 where the same text in a BIGINT column of in.csv is
-- "not a BIGINT" (and DuckDB fails the cast too). Found by hand while choosing the strings of
-- DifferentialFuzzTest's data (which now holds '١٢' and '0x1p3').
-- Verified: by hand (message text and position).
CREATE TABLE t (
  id   BIGINT,
  code VARCHAR
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, CAST(code AS BIGINT) AS n
FROM t;
