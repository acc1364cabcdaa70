-- A coordinator's re-grant: a one-time link that lets a member who lost both password and
-- recovery key start over with a new key pair. Stored like an invite, naming the account.
ALTER TABLE invites ADD COLUMN reset_account TEXT REFERENCES accounts (id) ON DELETE CASCADE;
