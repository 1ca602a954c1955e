-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

-- qty is never negative here, so DuckDB's integer division // equals Sluice's truncating /.
CREATE TABLE orders AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'id': 'BIGINT', 'qty': 'INTEGER', 'price': 'DOUBLE', 'fee': 'DOUBLE'});
SELECT id,
       qty * 2 + 1           AS doubled_plus_one,
       price * qty           AS notional,
       price - fee           AS net_price,
       qty // 4              AS quarter,
       qty % 4               AS remainder,
       -qty                  AS negated,
       price / 2             AS half_price,
       (qty + 1) * (qty - 1) AS square_minus_one
FROM orders;
