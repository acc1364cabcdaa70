-- A referral's reason is free text an NGO responder writes, and may say anything the report says:
-- it belongs to the NGO audience. Reasons were sealed to the projection's, so a consulate or the
-- police a report was referred to held the reason's key, and every later one was given it too.
-- Their copies are destroyed here (what they read cannot be unread), a reason nobody else held
-- goes with them, and every reason is marked as the NGOs'.
DELETE FROM item_keys
 WHERE item_id IN (SELECT id FROM items WHERE kind = 'referral')
   AND recipient IN (SELECT 'queue:' || id FROM queues WHERE kind IN ('consular', 'police'));
DELETE FROM items
 WHERE kind = 'referral'
   AND NOT EXISTS (SELECT 1 FROM item_keys k WHERE k.item_id = items.id);
UPDATE items SET audience = 'ngo' WHERE kind = 'referral';
