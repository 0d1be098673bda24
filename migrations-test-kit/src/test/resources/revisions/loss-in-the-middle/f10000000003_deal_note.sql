-- revision: f10000000003
-- down_revision: f10000000002
-- message: deal note

-- upgrade
ALTER TABLE deal ADD COLUMN note text;

-- downgrade
ALTER TABLE deal DROP COLUMN note;
