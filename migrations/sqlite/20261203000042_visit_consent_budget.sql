-- A follow-up visit spends a bounded number of consent changes: one Argon2id derivation must not buy
-- an unbounded stream of audited, sealed writes.
ALTER TABLE visits ADD COLUMN consent_changes INTEGER NOT NULL DEFAULT 0;
