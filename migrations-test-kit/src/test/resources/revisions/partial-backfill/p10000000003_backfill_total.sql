-- revision: p10000000003
-- down_revision: p10000000002
-- message: backfill total

-- upgrade
UPDATE deal SET total = amount WHERE amount > 10;

-- downgrade
UPDATE deal SET total = NULL;
