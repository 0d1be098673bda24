-- revision: c20000000003
-- down_revision: c20000000002
-- message: rename status

-- upgrade
ALTER TABLE deals RENAME COLUMN status TO state;

-- downgrade
ALTER TABLE deals RENAME COLUMN state TO status;
