-- A reporter's follow-up visit: one Argon2id derivation of the receipt code opens the reporter
-- key, which is then kept for the visit only under a key derived from a token that lives in the
-- visit's forms (never in a URL, no cookie). The database keeps the token's HMAC.
CREATE TABLE visits (
    id_hmac BLOB PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    key_nonce BLOB NOT NULL,
    key_sealed BLOB NOT NULL,
    expires_at BIGINT NOT NULL
);
