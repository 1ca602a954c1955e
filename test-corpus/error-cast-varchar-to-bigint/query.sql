-- Proves: a CAST of text that is not a number is a run-time error naming the value, the
-- expression and the input line (line 4: 'abc'); ' 7 ' (line 3) is 7, surrounding spaces allowed.
-- Verified: by hand (message text and position).
CREATE TABLE t (
  id   BIGINT,
  code VARCHAR
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, CAST(code AS BIGINT) AS n
FROM t;
