-- Proves: a failure inside Calcite's planner (here its simplifier's own check, "Comparison with
-- NULL in pulledUpPredicates", on a CASE over constants; found by the differential fuzzer, seed 99)
-- is a positioned one-line compile error, not a stack trace.
-- Verified: by hand (the message is Sluice's, quoting Calcite's).
CREATE TABLE `t` (
  `ts` TIMESTAMP(3),
  `c0` VARCHAR,
  WATERMARK FOR `ts` AS `ts`
) WITH ('format' = 'csv', 'path' = 'in.csv');
SELECT CASE WHEN (CASE CAST('-9223372036854775808' AS BIGINT) WHEN CAST(5 AS BIGINT) THEN TIMESTAMP '2024-01-01 00:00:05' WHEN CAST(1 AS BIGINT) THEN window_end END BETWEEN TIMESTAMP '2024-01-01 00:00:00' AND TIMESTAMP '2024-01-01 00:00:00') THEN TRUE WHEN TRUE THEN TRUE ELSE TRUE END AS o0
FROM TABLE(TUMBLE(TABLE `t`, DESCRIPTOR(`ts`), INTERVAL '1' HOUR))
WHERE (CAST(`c0` AS INT) IS NOT NULL);
