-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE raw AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'id': 'BIGINT', 'ts_text': 'TIMESTAMP', 'ts_epoch': 'BIGINT'});
CREATE TABLE events AS SELECT id, ts_text, epoch_ms(ts_epoch) AS ts_epoch FROM raw;
SELECT id, ts_text, ts_epoch, ts_text = ts_epoch AS same_instant FROM events;
