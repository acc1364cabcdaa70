-- A report's page shows its entry's history (claims, releases, status changes) and which
-- organisation wrote each reply: the audit entries whose subject starts with the entry's
-- "queue:<id> report:<id>", found by a range on this index instead of reading the whole log.
-- text_pattern_ops compares byte by byte whatever the database's collation, as the range
-- (~>=~, ~<~) the query uses does.
CREATE INDEX audit_log_by_subject ON audit_log (subject text_pattern_ops);
