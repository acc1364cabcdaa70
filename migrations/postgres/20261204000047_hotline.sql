-- Hotline staff: a coordinator of an NGO lets a member of their own organisation file reports on
-- callers' behalf in the workspace (issue 18, item 4). Null: not hotline staff. Says who may file,
-- never which reports were filed so (that mark is sealed inside each report).
ALTER TABLE accounts ADD COLUMN hotline_granted_at BIGINT;
