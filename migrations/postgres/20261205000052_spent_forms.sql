-- Forms that act once (the hotline's filing): the digest of each spent token, and the hour it was
-- spent, for a day. In the database, not one server's memory, so that a reloaded page served by
-- another replica, or after a restart, does not act again.
CREATE TABLE spent_forms (
    digest BYTEA PRIMARY KEY,
    spent_at BIGINT NOT NULL
);
CREATE INDEX spent_forms_by_time ON spent_forms (spent_at);
