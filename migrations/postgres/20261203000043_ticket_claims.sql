-- A ticket is claimed before its report is built (an Argon2id derivation): a second submission of
-- the same ticket meanwhile is refused at once instead of deriving again. The claim lapses, so a
-- submission that crashed leaves the ticket usable again shortly.
ALTER TABLE sealed_tickets ADD COLUMN claimed_until BIGINT;
