-- revision: p10000000004
-- down_revision: p10000000003
-- message: deal note

-- upgrade
ALTER TABLE deal ADD COLUMN note text;

-- downgrade
ALTER TABLE deal DROP COLUMN note;
