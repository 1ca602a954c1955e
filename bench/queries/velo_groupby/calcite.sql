SELECT group_id, COUNT(*) AS cnt, SUM(`value`) AS total FROM ${table} GROUP BY group_id
