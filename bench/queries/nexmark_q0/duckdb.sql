SELECT auction, bidder, price, dateTime, extra FROM ${source}
