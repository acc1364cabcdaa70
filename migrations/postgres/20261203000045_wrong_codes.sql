-- Failed logins are counted per username and source, in memory (trust::accounts::backoff): a
-- count per account let anyone hold its owner back, and told which names exist. What stays per
-- account is what only a holder of the password can raise: wrong codes after a right password.
ALTER TABLE accounts RENAME COLUMN failed_logins TO wrong_codes;
ALTER TABLE accounts RENAME COLUMN last_failed_at TO last_wrong_code_at;
UPDATE accounts SET wrong_codes = 0, last_wrong_code_at = 0;
