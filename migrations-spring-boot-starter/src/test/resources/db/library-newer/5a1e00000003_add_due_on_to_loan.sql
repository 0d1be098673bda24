-- revision: 5a1e00000003
-- down_revision: 5a1e00000002
-- message: add due_on to loan

-- upgrade
-- a newer release's revision: the library entities of this release do not map the column
ALTER TABLE loan ADD COLUMN due_on date;

-- downgrade
ALTER TABLE loan DROP COLUMN due_on;
