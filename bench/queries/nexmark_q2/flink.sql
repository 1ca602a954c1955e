CREATE TABLE bid (
  auction  BIGINT NOT NULL,
  bidder   BIGINT NOT NULL,
  price    BIGINT NOT NULL,
  `dateTime` TIMESTAMP(3) NOT NULL,
  extra    VARCHAR NOT NULL,
  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH ('connector' = 'filesystem', 'path' = '${path}', 'format' = 'csv');
SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0
