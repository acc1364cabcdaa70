-- Opening a report reads its items' keys by item: an index on the recipient alone (a handful of
-- values across every report) led SQLite's planner to scan every key a queue holds instead.
DROP INDEX item_keys_by_recipient;
