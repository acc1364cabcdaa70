-- A queue's list is read in priority order, then by age: keep the class on the entry and index
-- that order, so a page of a long queue is read without sorting the whole queue.
ALTER TABLE report_queues ADD COLUMN priority_rank SMALLINT NOT NULL DEFAULT 2;
UPDATE report_queues SET priority_rank = CASE
    (SELECT priority FROM reports r WHERE r.id = report_queues.report_id)
    WHEN 'critical' THEN 0 WHEN 'high' THEN 1 ELSE 2 END;
CREATE INDEX report_queues_listing ON report_queues (queue_id, priority_rank, added_at, report_id);
