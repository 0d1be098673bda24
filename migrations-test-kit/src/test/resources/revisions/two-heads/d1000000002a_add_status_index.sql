-- revision: d1000000002a
-- down_revision: d10000000001
-- message: add status index

-- upgrade
CREATE INDEX ix_deal_status ON deal (status);

-- downgrade
DROP INDEX ix_deal_status;
