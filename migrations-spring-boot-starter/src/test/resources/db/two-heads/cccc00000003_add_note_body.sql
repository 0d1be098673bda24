-- revision: cccc00000003
-- down_revision: aaaa00000001
-- message: add note body
-- created: 2026-11-22T00:00:00Z

-- upgrade
ALTER TABLE note ADD COLUMN body text;

-- downgrade
ALTER TABLE note DROP COLUMN body;
