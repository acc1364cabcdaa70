-- Resumable uploads from API clients: each chunk is sealed as it arrives under a staging key
-- derived from a secret in the client's upload token, which the server never stores (only its
-- HMAC), so staged bytes open for no one but the client's next request. On completion the file
-- is cleaned and staged again, cleaned, until a report or a visit takes it.
CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    token_hmac BLOB NOT NULL,
    size BIGINT NOT NULL,
    received BIGINT NOT NULL DEFAULT 0,
    declared_type TEXT,
    -- the cleaned file's kind and position, sealed under the staging key; set on completion
    cleaned_nonce BLOB,
    cleaned_meta BLOB,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE TABLE upload_chunks (
    upload_id TEXT NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
    first_byte BIGINT NOT NULL,
    nonce BLOB NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (upload_id, first_byte)
);
