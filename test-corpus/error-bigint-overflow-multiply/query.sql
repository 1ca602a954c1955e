-- Proves: BIGINT overflow in arithmetic is a run-time error naming the expression and the input
-- line, never a wrapped value: 3037000500 * 3037000500 = 9223372037000250000 > 9223372036854775807
-- (Long.MAX_VALUE) on line 3; row 1 (1000 * 2000) is fine.
-- Verified: by hand (the product, and the message's expression and line).
CREATE TABLE orders (
  id    BIGINT,
  qty   BIGINT,
  price BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, qty * price AS notional
FROM orders;
