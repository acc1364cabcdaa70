-- Intake: organisations and queues (from config), reports, their queue entries, sealed items and
-- the item keys sealed to each recipient. Only what a queue sorts and routes by is plaintext.

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('ngo', 'consulate', 'police')),
    demo BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at BIGINT NOT NULL
);

CREATE TABLE queues (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL CHECK (kind IN ('desk', 'ngo', 'consular', 'police')),
    public_key BLOB NOT NULL,
    demo BOOLEAN NOT NULL DEFAULT FALSE,
    active BOOLEAN NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    locator TEXT NOT NULL UNIQUE,
    priority TEXT NOT NULL CHECK (priority IN ('critical', 'high', 'normal')),
    status TEXT NOT NULL,
    consent_partner_ngos BOOLEAN NOT NULL,
    consent_consulate BOOLEAN NOT NULL,
    consent_police BOOLEAN NOT NULL,
    reporter_public_key BLOB NOT NULL,
    reporter_key_salt BLOB NOT NULL,
    reporter_key_kdf TEXT NOT NULL,
    reporter_key_nonce BLOB NOT NULL,
    reporter_key_sealed BLOB NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE report_queues (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    queue_id TEXT NOT NULL REFERENCES queues (id),
    status TEXT NOT NULL,
    assignee TEXT,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (report_id, queue_id)
);
CREATE INDEX report_queues_by_queue ON report_queues (queue_id, status);

CREATE TABLE items (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    audience TEXT NOT NULL CHECK (audience IN ('ngo', 'projection', 'thread', 'notes')),
    format INTEGER NOT NULL,
    nonce BLOB NOT NULL,
    ciphertext BLOB NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX items_by_report ON items (report_id);

CREATE TABLE item_keys (
    item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    -- 'queue:<queue id>' or 'reporter'
    recipient TEXT NOT NULL,
    -- the public key the item key was sealed to, so rotation knows what to re-seal
    recipient_key BLOB NOT NULL,
    enc BLOB NOT NULL,
    sealed_key BLOB NOT NULL,
    PRIMARY KEY (item_id, recipient)
);
CREATE INDEX item_keys_by_recipient ON item_keys (recipient);
