-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE items AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'id': 'BIGINT', 'qty': 'INTEGER', 'price': 'DOUBLE', 'code': 'VARCHAR'});
SELECT id,
       CASE WHEN price >= 100 THEN 'high' WHEN price >= 50 THEN 'mid' ELSE 'low' END AS band,
       CASE WHEN qty > 10 THEN 'big' END AS size,
       CASE qty WHEN 0 THEN 'none' WHEN 5 THEN 'five' ELSE 'other' END AS qty_word,
       CAST(qty AS DOUBLE) AS qty_d,
       CAST(id AS VARCHAR) AS id_s,
       CAST(code AS BIGINT) + 1 AS code_plus_one
FROM items;
