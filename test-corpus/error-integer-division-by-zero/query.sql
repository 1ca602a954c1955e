-- Proves: integer division by zero is a run-time error (not NULL, not Infinity), reported at the
-- division in the query with the input line of the row (line 4: lots = 0).
-- Verified: by hand (position of the start of qty / lots).
CREATE TABLE orders (
  id   BIGINT,
  qty  BIGINT,
  lots BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, qty / lots AS per_lot
FROM orders;
