-- Proves: integer % by zero is a run-time error (as integer / by zero is), not NULL and not NaN,
-- naming the expression and the input line (line 4: lots = 0); lines 2 and 3 are fine.
-- Verified: by hand (message text and position).
CREATE TABLE orders (
  id   BIGINT,
  qty  BIGINT,
  lots BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, qty % lots AS remainder
FROM orders;
