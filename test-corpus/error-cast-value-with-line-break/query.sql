-- Proves: a failing CAST names the value on one line: the line break inside the value is written
-- as \n (error messages are one line; before, the value was quoted raw and the message took two
-- lines). The row's record starts on line 3 of in.csv (its quoted value spans lines 3-4).
-- Found by DifferentialFuzzTest ('line\nbreak' cast to DOUBLE).
-- Verified: by hand (message text and position).
CREATE TABLE t (
  id   BIGINT,
  code VARCHAR
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, CAST(code AS BIGINT) AS n
FROM t;
