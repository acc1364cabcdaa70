-- Routing tickets for reports sealed on the device. A ticket's plan (the routing facts, the ids
-- to bind and the keys to seal to) is sealed under a key derived from the secret in the token,
-- which only the client holds; the database keeps the token's HMAC. Spent in the transaction that
-- stores its report, so each ticket stands for one report on every replica.
CREATE TABLE sealed_tickets (
    token_hmac BLOB PRIMARY KEY,
    plan_nonce BLOB NOT NULL,
    plan BLOB NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
