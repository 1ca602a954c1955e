-- Proves: a malformed CSV value is named on one line: the line break inside the quoted field
-- "12<LF>3" is written as \n (error messages are one line; before, the message took two lines).
-- Position: line 3, column 3, the opening quote of the field.
-- Found while fixing error-cast-value-with-line-break (same quoting of values in messages).
-- Verified: by hand (message text and position).
CREATE TABLE t (
  id  BIGINT,
  qty BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, qty
FROM t;
