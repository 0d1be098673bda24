-- revision: 5a1e0000f003
-- down_revision: 5a1e00000002
-- message: backfill loan due date
-- transactional: false

-- upgrade
-- a newer release's revision that stops half-way (the health of the previous release's instances)
ALTER TABLE loan ADD COLUMN IF NOT EXISTS due_date date;
SELECT 1 / 0;

-- downgrade
ALTER TABLE loan DROP COLUMN IF EXISTS due_date;
