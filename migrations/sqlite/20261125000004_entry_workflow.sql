-- Each queue works its own entry of a report: outcome and last change per entry.
ALTER TABLE report_queues ADD COLUMN outcome TEXT;
ALTER TABLE report_queues ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
