-- revision: b10000000002
-- down_revision: b10000000001
-- message: add status index

-- upgrade
CREATE INDEX IF NOT EXISTS ix_deal_status ON deal (status);

-- downgrade
-- the index is left behind
SELECT 1;
