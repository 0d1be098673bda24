-- revision: 5b0b00000002
-- down_revision: 5b0b00000001
-- message: add customer email
-- created: 2026-12-01T09:10:00Z

-- upgrade
ALTER TABLE customer ADD COLUMN email varchar(200);

-- downgrade
ALTER TABLE customer DROP COLUMN email;
