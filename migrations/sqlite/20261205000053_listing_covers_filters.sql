-- A queue list picks its page from the listing index alone: with the columns its filters read
-- beside the order's, a page deep in a long list is counted off the index without reading a row
-- of the table for each entry it passes.
DROP INDEX report_queues_listing;
CREATE INDEX report_queues_listing ON report_queues
    (queue_id, priority_rank, added_at, report_id, consent_withdrawn_at, status, assignee);
