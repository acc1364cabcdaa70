-- Early destruction of reports closed as not genuine asks for a second person and marks a report
-- whose reporter wrote again after it was closed: each entry remembers the account that closed
-- it (a staff account id, never anything of the reporter's) and the report's last item then.
-- Entries closed before this have neither, and are never destroyed early: close them again.
ALTER TABLE report_queues ADD COLUMN closed_by TEXT;
ALTER TABLE report_queues ADD COLUMN closed_position BIGINT;
