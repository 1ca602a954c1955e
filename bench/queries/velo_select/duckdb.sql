SELECT group_id, value, ts FROM ${source} WHERE value > 500.0
