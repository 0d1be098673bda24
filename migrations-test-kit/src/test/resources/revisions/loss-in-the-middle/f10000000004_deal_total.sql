-- revision: f10000000004
-- down_revision: f10000000003
-- message: deal total, backfill forgotten

-- upgrade
ALTER TABLE deal ADD COLUMN total integer;

-- downgrade
ALTER TABLE deal DROP COLUMN total;
