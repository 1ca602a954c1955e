CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, allow_quoted_nulls = false,
  columns = {'id': 'BIGINT', 'a': 'BIGINT', 'b': 'BIGINT', 'c': 'DOUBLE'});
SELECT id, COALESCE(a, b, -1) AS first_ab, COALESCE(c, a) AS c_or_a, NULLIF(a, b) AS a_unless_b
FROM t;
