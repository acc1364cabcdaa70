-- An invite gets a public id, so that whoever may see it can list and revoke it without holding
-- its link: the token stays only in the link, and only its HMAC in token_hmac.
ALTER TABLE invites ADD COLUMN id TEXT;
UPDATE invites SET id = lower(hex(randomblob(16))) WHERE id IS NULL;
CREATE UNIQUE INDEX invites_id ON invites (id);
