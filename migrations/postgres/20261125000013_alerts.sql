-- When each queue was last alerted about, so replicas do not repeat one another's alerts.
CREATE TABLE alerts (
    queue_id TEXT PRIMARY KEY REFERENCES queues (id),
    sent_at BIGINT NOT NULL
);
