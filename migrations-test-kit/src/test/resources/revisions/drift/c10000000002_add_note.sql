-- revision: c10000000002
-- down_revision: c10000000001
-- message: add note

-- upgrade
ALTER TABLE deal ADD COLUMN note varchar(200);

-- downgrade
ALTER TABLE deal DROP COLUMN note;
