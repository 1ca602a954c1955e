SELECT group_id, COUNT(*) AS cnt, SUM(value) AS total FROM ${source} GROUP BY group_id
