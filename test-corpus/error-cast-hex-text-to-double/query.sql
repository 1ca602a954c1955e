-- Proves: CAST of text to DOUBLE takes decimal text (and NaN, Infinity), as the CSV decoder does:
-- the hexadecimal float '0x1p3' is a failing cast, named on line 3. Java's Double.parseDouble
-- takes hex floats, so the cast gave 8.0 where the same text in a DOUBLE column of in.csv is
-- "not a DOUBLE" (and DuckDB fails the cast too). Found while fixing
-- error-cast-unicode-digits-to-bigint (same cause: Java's parser accepts more than Sluice).
-- Verified: by hand (message text and position).
CREATE TABLE t (
  id   BIGINT,
  code VARCHAR
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, CAST(code AS DOUBLE) AS d
FROM t;
