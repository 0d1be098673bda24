-- revision: 5b0b00000003
-- down_revision: 5b0b00000002
-- message: drop customer email
-- created: 2026-12-05T11:00:00Z

-- upgrade
-- The shop's next release no longer maps customer.email and drops it in the same release, instead of one
-- release later once no instance of the previous release runs.
ALTER TABLE customer DROP COLUMN email;

-- downgrade
ALTER TABLE customer ADD COLUMN email varchar(200);
