-- The reporter's return: a withdrawn report leaves the reporter's view at once and its keys are
-- destroyed after a grace period; each queue entry remembers the last item its queue has seen,
-- so what the reporter adds later is marked as new and counted in the queue's list.
ALTER TABLE reports ADD COLUMN withdrawn_at BIGINT;
ALTER TABLE report_queues ADD COLUMN seen_position BIGINT NOT NULL DEFAULT 0;
UPDATE report_queues SET seen_position =
    (SELECT COALESCE(MAX(position), 0) FROM items WHERE items.report_id = report_queues.report_id);
CREATE INDEX reports_withdrawn ON reports (withdrawn_at) WHERE withdrawn_at IS NOT NULL;
