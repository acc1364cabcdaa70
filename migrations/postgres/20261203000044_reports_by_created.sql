-- The daily ceiling counts the reports of the last 24 hours before each one is taken.
CREATE INDEX reports_by_created ON reports (created_at);
