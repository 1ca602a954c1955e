-- Proves: non-ASCII UTF-8 strings (accents, CJK, an emoji outside the BMP) are read, grouped and
-- written back unchanged; MIN/MAX of VARCHAR use Java String order, not a locale collation:
-- 'Stockholm' < 'Örebro' (Ö is U+00D6, after S), 'Zug' < 'Zürich' (g < ü), '大阪' < '東京'
-- (U+5927 < U+6771). (For these characters UTF-16 order = code point order = UTF-8 byte order,
-- which is why DuckDB's byte order can check it.)
-- Verified: changelog by hand (per country: +I on the first city, then -U/+U with the new MIN/MAX);
-- final table: DuckDB cross-check (duckdb.sql).
CREATE TABLE cities (
  country VARCHAR,
  city    VARCHAR
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT country, COUNT(*) AS n, MIN(city) AS first_city, MAX(city) AS last_city
FROM cities
GROUP BY country;
