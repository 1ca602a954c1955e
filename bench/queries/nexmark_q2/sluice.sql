-- Nexmark q2, selection: bids of every 123rd auction (Nexmark writes MOD(auction, 123) = 0; Sluice has %).
CREATE TABLE bid (
  auction  BIGINT NOT NULL,
  bidder   BIGINT NOT NULL,
  price    BIGINT NOT NULL,
  `dateTime` TIMESTAMP(3) NOT NULL,
  extra    VARCHAR NOT NULL,
  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
);
SELECT auction, price FROM bid WHERE auction % 123 = 0
