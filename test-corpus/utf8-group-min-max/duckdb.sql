-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE cities AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'country': 'VARCHAR', 'city': 'VARCHAR'});
SELECT country, COUNT(*) AS n, MIN(city) AS first_city, MAX(city) AS last_city
FROM cities GROUP BY country;
