-- A queue's private key, imported once by a coordinator, is kept only sealed to its members'
-- account keys. Each copy names the queue public key it belongs to, so a rotation knows what to
-- re-seal and nothing is orphaned.

ALTER TABLE queues ADD COLUMN key_imported_at BIGINT;

CREATE TABLE queue_key_copies (
    queue_id TEXT NOT NULL REFERENCES queues (id),
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    queue_public_key BLOB NOT NULL,
    enc BLOB NOT NULL,
    sealed_key BLOB NOT NULL,
    granted_by TEXT NOT NULL,
    granted_at BIGINT NOT NULL,
    PRIMARY KEY (queue_id, account_id, queue_public_key)
);
CREATE INDEX queue_key_copies_by_account ON queue_key_copies (account_id);
