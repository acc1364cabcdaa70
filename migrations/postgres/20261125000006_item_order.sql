-- Items keep the order they were written in (timestamps are to the second).
ALTER TABLE items ADD COLUMN position BIGINT NOT NULL DEFAULT 0;
