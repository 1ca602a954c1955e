-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE truth AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'id': 'BIGINT', 'p': 'BOOLEAN', 'q': 'BOOLEAN'});
SELECT id, p AND q AS p_and_q, p OR q AS p_or_q, NOT p AS not_p, NOT (p AND q) AS nand
FROM truth;
