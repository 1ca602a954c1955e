-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE readings AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'sensor': 'VARCHAR', 'measurement_taken_by_the_primary_sensor_array_in_degrees_celsius': 'BIGINT'});
SELECT sensor, measurement_taken_by_the_primary_sensor_array_in_degrees_celsius AS degrees
FROM readings
WHERE measurement_taken_by_the_primary_sensor_array_in_degrees_celsius > 20;
