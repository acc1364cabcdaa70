-- A responder's own language and time zone for the workspace; none means the browser's language
-- and UTC.
ALTER TABLE accounts ADD COLUMN language TEXT;
ALTER TABLE accounts ADD COLUMN time_zone TEXT;
