-- Membership as a chain the organisation controls. Each account's Ed25519 identity key and its
-- signature over the account's encryption key; each account's certificate, made by its
-- organisation's offline signing key (signer 'organisation') or by a certified coordinator of it
-- (signer: their account id). The server checks the whole chain before it seals a queue key to an
-- account, so editing these rows gains nothing.
ALTER TABLE accounts ADD COLUMN identity_key BYTEA;
ALTER TABLE accounts ADD COLUMN key_signature BYTEA;

CREATE TABLE certificates (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    signer TEXT NOT NULL,
    signature BYTEA NOT NULL,
    certified_at BIGINT NOT NULL
);

-- Operators: the first one is made at the server's console (`homeward admin bootstrap`, or
-- `homeward admin recover-operator`), signer 'console'; a further one needs the desk
-- organisation's countersignature, signer 'desk'. Operators from before this were bootstrapped.
INSERT INTO certificates (account_id, signer, signature, certified_at)
SELECT id, 'console', ''::bytea, created_at FROM accounts WHERE role = 'operator';
