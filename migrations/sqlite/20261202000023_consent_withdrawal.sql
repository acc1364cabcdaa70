-- A withdrawn consent closes the entries of its kind of queue at once: the queue reads only what
-- it had opened, nothing new is sealed to it, and after the grace period the copies of its item
-- keys for everything it never opened are destroyed. Each queue marks what it opened, item by
-- item, so that what was read is kept as read.
ALTER TABLE report_queues ADD COLUMN consent_withdrawn_at BIGINT;
ALTER TABLE report_queues ADD COLUMN unopened_destroyed_at BIGINT;
CREATE INDEX report_queues_consent_withdrawn ON report_queues (consent_withdrawn_at)
    WHERE consent_withdrawn_at IS NOT NULL AND unopened_destroyed_at IS NULL;

CREATE TABLE item_openings (
    item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    queue_id TEXT NOT NULL REFERENCES queues (id),
    PRIMARY KEY (item_id, queue_id)
);
CREATE INDEX item_openings_by_queue ON item_openings (queue_id);

-- What a queue had opened before this migration: everything up to the last item it had seen
-- (an over-count keeps a copy, never destroys one that was read).
INSERT INTO item_openings (item_id, queue_id)
SELECT DISTINCT k.item_id, e.queue_id
FROM report_queues e
JOIN items i ON i.report_id = e.report_id AND i.position <= e.seen_position
JOIN item_keys k ON k.item_id = i.id AND k.recipient = 'queue:' || e.queue_id;

-- Consents withdrawn before this migration, through the form that set all three at once: an entry
-- of a kind the report's consents no longer admit is closed from its report's last change.
UPDATE report_queues SET consent_withdrawn_at =
    (SELECT r.updated_at FROM reports r WHERE r.id = report_queues.report_id)
WHERE (queue_id IN (SELECT id FROM queues WHERE kind = 'ngo')
       AND report_id IN (SELECT id FROM reports WHERE NOT consent_partner_ngos))
   OR (queue_id IN (SELECT id FROM queues WHERE kind = 'consular')
       AND report_id IN (SELECT id FROM reports WHERE NOT consent_consulate))
   OR (queue_id IN (SELECT id FROM queues WHERE kind = 'police')
       AND report_id IN (SELECT id FROM reports WHERE NOT consent_police));
