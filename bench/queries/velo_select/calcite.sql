SELECT group_id, `value`, ts FROM ${table} WHERE `value` > 500.0
