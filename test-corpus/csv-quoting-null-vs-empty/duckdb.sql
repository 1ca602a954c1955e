-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE people AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'id': 'BIGINT', 'name': 'VARCHAR', 'note': 'VARCHAR'});
SELECT id, name, note, name IS NULL AS name_is_null, name = '' AS name_is_empty FROM people;
