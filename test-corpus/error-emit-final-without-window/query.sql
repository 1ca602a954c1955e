-- Proves: EMIT FINAL without a window is an error at the EMIT clause, as in Velostream (issue 4,
-- item 8); the final table of a GROUP BY without a window is the --final-table option.
-- Verified: by hand (the message is Sluice's own).
CREATE TABLE t (
  g BIGINT,
  v BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT g, SUM(v) AS total
FROM t
GROUP BY g
EMIT FINAL;
