-- A digest of each queue's config entry, so that a changed declaration (organisation, kind, key,
-- countries, nationalities, languages) is noticed at start, audited and shown to its organisation.
ALTER TABLE queues ADD COLUMN config_digest TEXT;
