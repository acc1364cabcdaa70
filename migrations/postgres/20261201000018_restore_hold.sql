-- A queue whose membership changed since the backup that was restored is held out of routing
-- from this moment until a coordinator of its organisation confirms it.
ALTER TABLE queues ADD COLUMN held_after_restore BIGINT;
