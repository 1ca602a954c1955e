-- Proves: a SUM that overflows in a batch the SIMD twin would fold packed (small keys, values
-- spanning less than 2^39: all in [2^61, 2^61 + 5]) fails at the row where it overflows, in both
-- twins: key 1's fourth value (line 8) takes its sum past Long.MAX_VALUE. PackedPartials.sumFits
-- sees that 4 values of up to 2^61 + 5 might overflow, so that batch goes row by row, which finds
-- the row; without that check the packed sum (sum of v - 2^61, plus 4 * 2^61) wraps and the query
-- would succeed with a negative SUM. At batch size 1 the check is per row (the sum so far, plus one value).
-- Verified: by hand (4 * 2^61 = 2^63 > Long.MAX_VALUE; keys 2 and 3 reach at most 3 * 2^61 + 5).
CREATE TABLE t (
  k INT NOT NULL,
  v BIGINT NOT NULL
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k, COUNT(*) AS n, SUM(v) AS s
FROM t
GROUP BY k;
