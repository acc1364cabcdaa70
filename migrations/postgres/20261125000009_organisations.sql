-- Organisations are managed by the operator in the database; queues stay declared in config and
-- name their organisation. Vetting takes two: the operator records it (who, when, on what
-- evidence) and the desk organisation countersigns the organisation's signing key offline.
-- A queue's public key carries its organisation's signature.

ALTER TABLE organisations ADD COLUMN country TEXT;
ALTER TABLE organisations ADD COLUMN contact TEXT;
ALTER TABLE organisations ADD COLUMN signing_key BYTEA;
ALTER TABLE organisations ADD COLUMN countersignature BYTEA;
ALTER TABLE organisations ADD COLUMN vetted_by TEXT;
ALTER TABLE organisations ADD COLUMN vetted_at BIGINT;
ALTER TABLE organisations ADD COLUMN vetting_evidence TEXT;
ALTER TABLE organisations ADD COLUMN suspended_at BIGINT;
-- Set when the operator has entered the organisation's details; a row made only because a
-- queue in config names it has none.
ALTER TABLE organisations ADD COLUMN registered_at BIGINT;

ALTER TABLE queues ADD COLUMN signature BYTEA;
