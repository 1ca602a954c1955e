-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE pairs AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'a': 'BIGINT', 'b': 'BIGINT'});
-- truncating quotient: |a| // |b| with the sign of a*b; remainder a - b*q (sign of a).
CREATE TABLE divided AS
SELECT a, b,
       CASE WHEN (a < 0) <> (b < 0) THEN -(abs(a) // abs(b)) ELSE abs(a) // abs(b) END AS q
FROM pairs;
SELECT a, b, q, a - b * q AS r FROM divided;
