-- revision: 920000000002
-- down_revision: 920000000001
-- message: add status index

-- upgrade
CREATE INDEX IF NOT EXISTS ix_deal_status ON deal (status);

-- downgrade
SELECT 1;
