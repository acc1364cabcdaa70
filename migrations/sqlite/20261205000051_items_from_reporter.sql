-- The few items a reporter sends after the report, by report: a queue list filtered on what is
-- new from the reporter starts from these, not from every entry of the queue.
CREATE INDEX items_from_reporter ON items (report_id)
    WHERE kind IN ('addition', 'contact', 'consent', 'attachment', 'withdrawal');
