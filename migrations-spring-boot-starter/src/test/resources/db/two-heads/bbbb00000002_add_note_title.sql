-- revision: bbbb00000002
-- down_revision: aaaa00000001
-- message: add note title
-- created: 2026-11-22T00:00:00Z

-- upgrade
ALTER TABLE note ADD COLUMN title varchar(100);

-- downgrade
ALTER TABLE note DROP COLUMN title;
