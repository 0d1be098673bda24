-- revision: 091a56720923
-- down_revision: 9aaf6725bae6
-- message: default bulletin metadata
-- created: 2026-11-22T01:46:47Z

-- upgrade
-- JSON with colons goes to the database as written: no bind-parameter parsing, nothing to escape.
UPDATE bulletin SET metadata = '{"reviewed":false, "source":"import", "imported_at":"12:30"}'::jsonb
WHERE metadata IS NULL;


-- downgrade
UPDATE bulletin SET metadata = NULL
WHERE metadata = '{"reviewed":false, "source":"import", "imported_at":"12:30"}'::jsonb;

