-- Whether the reporter's device sealed this item (the server could not check it): the open path
-- then reads it by the report's rules, whatever it claims to be.
ALTER TABLE items ADD COLUMN sealed_on_device BOOLEAN NOT NULL DEFAULT FALSE;
