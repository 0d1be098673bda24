-- revision: d20000000002
-- down_revision: d20000000001
-- message: add note

-- upgrade
ALTER TABLE deal ADD COLUMN note text;

-- downgrade
ALTER TABLE deal DROP COLUMN note;
-- a default the upgrade never set
ALTER TABLE deal ALTER COLUMN status SET DEFAULT 'open';
