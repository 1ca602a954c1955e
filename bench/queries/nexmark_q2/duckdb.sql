SELECT auction, price FROM ${source} WHERE auction % 123 = 0
