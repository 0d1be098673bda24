-- revision: 910000000002
-- down_revision: 910000000001
-- message: add status index

-- upgrade
CREATE INDEX ix_deal_status ON deal (status);

-- downgrade
DROP INDEX ix_deal_status ON deal;
