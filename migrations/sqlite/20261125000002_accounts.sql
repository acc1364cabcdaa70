-- Accounts with key pairs, single-use invites and sessions that keep no secret in server memory.

CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('operator', 'coordinator', 'responder')),
    organisation_id TEXT REFERENCES organisations (id),
    -- Argon2id of the password, split by HKDF: the verifier is stored, the key-encryption key never
    kdf TEXT NOT NULL,
    salt BLOB NOT NULL,
    verifier BLOB NOT NULL,
    public_key BLOB NOT NULL,
    -- the account's private key under the password's key-encryption key, and under the recovery key
    key_nonce BLOB NOT NULL,
    key_sealed BLOB NOT NULL,
    recovery_nonce BLOB NOT NULL,
    recovery_sealed BLOB NOT NULL,
    -- the TOTP secret, under the password's key-encryption key
    totp_nonce BLOB NOT NULL,
    totp_sealed BLOB NOT NULL,
    totp_last_step BIGINT NOT NULL DEFAULT 0,
    failed_logins BIGINT NOT NULL DEFAULT 0,
    last_failed_at BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

CREATE TABLE invites (
    -- HMAC of the invite token under the server pepper; the token itself is only in the link
    token_hmac BLOB PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('operator', 'coordinator', 'responder')),
    organisation_id TEXT REFERENCES organisations (id),
    created_by TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE TABLE sessions (
    -- HMAC of the session secret under the server pepper; the secret is only in the cookie
    id_hmac BLOB PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- the account's private key under a key derived from the session secret
    key_nonce BLOB NOT NULL,
    key_sealed BLOB NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);
