-- Proves: INT + INT is INT, and its overflow is a run-time error (not a wrap, not a silent widening
-- to BIGINT): 2147483000 + 648 = 2147483648 > 2147483647 (Integer.MAX_VALUE) on line 3; line 2
-- (2147483600) fits.
-- Verified: by hand (the sum, and the message's expression and line).
CREATE TABLE t (
  id BIGINT,
  a  INT,
  b  INT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, a + b AS total
FROM t;
