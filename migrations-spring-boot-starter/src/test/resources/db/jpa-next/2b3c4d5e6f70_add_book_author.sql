-- revision: 2b3c4d5e6f70
-- down_revision: 1a2b3c4d5e6f
-- message: add book author
-- created: 2026-11-22T00:00:00Z

-- upgrade
ALTER TABLE book ADD COLUMN author varchar(100);

-- downgrade
ALTER TABLE book DROP COLUMN author;
