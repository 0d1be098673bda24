-- revision: d1000000002b
-- down_revision: d10000000001
-- message: add deal note

-- upgrade
ALTER TABLE deal ADD COLUMN note text;

-- downgrade
ALTER TABLE deal DROP COLUMN note;
