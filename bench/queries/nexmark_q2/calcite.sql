SELECT auction, price FROM ${table} WHERE MOD(auction, 123) = 0
