-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE quotes AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'id': 'BIGINT', 'symbol': 'VARCHAR', 'price': 'DOUBLE'});
SELECT id,
       price BETWEEN 100 AND 200      AS in_band,
       price NOT BETWEEN 100 AND 200  AS out_of_band,
       symbol IN ('AAPL', 'MSFT')     AS big_tech,
       symbol NOT IN ('AAPL', 'MSFT') AS other,
       symbol IS NULL                 AS no_symbol,
       price IS NOT NULL              AS has_price
FROM quotes;
