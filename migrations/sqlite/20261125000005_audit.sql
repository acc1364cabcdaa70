-- The tamper-evident audit log: ids and actions, never content. Each entry's MAC (under the
-- server's audit key) covers the previous entry's MAC, so an edit, a deletion or a reordering
-- breaks the chain; an exported checkpoint of the head catches a rewrite by the key's holder.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    mac BLOB NOT NULL
);
