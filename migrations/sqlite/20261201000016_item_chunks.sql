-- A file attached to a report is an item (its manifest) and the file itself, sealed in chunks
-- with STREAM under a key derived from the item's key; chunks go with their item.
CREATE TABLE item_chunks (
    item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (item_id, seq)
);
