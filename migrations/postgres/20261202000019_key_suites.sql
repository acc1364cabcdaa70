-- Each sealed copy of an item key names the HPKE AEAD it was sealed with: 1 ChaCha20-Poly1305
-- (the server, the reference client), 2 AES-128-GCM (a browser's WebCrypto).
ALTER TABLE item_keys ADD COLUMN suite SMALLINT NOT NULL DEFAULT 1;
