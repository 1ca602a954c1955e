-- Proves: CAST(DOUBLE AS BIGINT) fails on NaN, which has no BIGINT value: a run-time error naming
-- the value, the expression and the input line (line 4), after lines 2 and 3 (2.75, -2.75) cast.
-- Verified: by hand (message text and position).
CREATE TABLE t (
  id BIGINT,
  x  DOUBLE
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, CAST(x AS BIGINT) AS n
FROM t;
