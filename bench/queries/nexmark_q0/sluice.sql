-- Nexmark q0, pass through: every bid, unchanged. (`dateTime` is backquoted: Sluice's parser reads DATETIME as a keyword)
CREATE TABLE bid (
  auction  BIGINT NOT NULL,
  bidder   BIGINT NOT NULL,
  price    BIGINT NOT NULL,
  `dateTime` TIMESTAMP(3) NOT NULL,
  extra    VARCHAR NOT NULL,
  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
);
SELECT auction, bidder, price, `dateTime`, extra FROM bid
