-- Nexmark q1, currency conversion: each bid's price in euros. 0.908 is a DOUBLE in Sluice (no DECIMAL);
-- the other engines compute a DECIMAL, compared as a double within the tolerance.
CREATE TABLE bid (
  auction  BIGINT NOT NULL,
  bidder   BIGINT NOT NULL,
  price    BIGINT NOT NULL,
  `dateTime` TIMESTAMP(3) NOT NULL,
  extra    VARCHAR NOT NULL,
  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
);
SELECT auction, bidder, 0.908 * price AS price, `dateTime`, extra FROM bid
