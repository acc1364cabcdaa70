-- Removing a member marks the queues they held "rotation due" until a coordinator imports a new,
-- signed pair; item keys are then re-sealed to it, and the old key's copies are deleted once no
-- item key names it.
ALTER TABLE queues ADD COLUMN rotation_due_at BIGINT;
ALTER TABLE queues ADD COLUMN key_rotated_at BIGINT;
