-- Proves: a column whose name is longer than 60 characters is found in the CSV header. The
-- decoder matched header names through the text it shows in messages, which is cut to 60
-- characters ('...'), so such a column was reported missing ("header has no column ...") and the
-- file could not be read (found while fixing one-line error messages, by reading CsvSource).
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE readings (
  sensor VARCHAR,
  measurement_taken_by_the_primary_sensor_array_in_degrees_celsius BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT sensor, measurement_taken_by_the_primary_sensor_array_in_degrees_celsius AS degrees
FROM readings
WHERE measurement_taken_by_the_primary_sensor_array_in_degrees_celsius > 20;
