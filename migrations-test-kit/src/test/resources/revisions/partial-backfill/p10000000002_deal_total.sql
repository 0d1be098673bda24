-- revision: p10000000002
-- down_revision: p10000000001
-- message: deal total

-- upgrade
ALTER TABLE deal ADD COLUMN total integer;

-- downgrade
ALTER TABLE deal DROP COLUMN total;
