-- revision: y10000000002
-- down_revision: y10000000001
-- message: rename code

-- upgrade
ALTER TABLE deal RENAME COLUMN code TO reference;

-- downgrade
SELECT 1; -- forgets renaming it back
