-- Proves: SUM of BIGINT that overflows is a run-time error, never a wrapped-around value; reported
-- at the SUM with the input line of the row that overflowed it
-- (9223372036854775000 + 1000 > 9223372036854775807 = Long.MAX_VALUE, on line 3).
-- Verified: by hand (position of SUM).
CREATE TABLE t (
  k VARCHAR,
  v BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k, SUM(v) AS total
FROM t
GROUP BY k;
