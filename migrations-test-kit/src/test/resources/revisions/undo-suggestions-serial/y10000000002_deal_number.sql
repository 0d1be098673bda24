-- revision: y10000000002
-- down_revision: y10000000001
-- message: deal number

-- upgrade
ALTER TABLE deal ADD COLUMN number serial;

-- downgrade
SELECT 1; -- forgets the column
