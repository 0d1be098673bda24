-- revision: p10000000002
-- down_revision: p10000000001
-- message: code index

-- upgrade
CREATE INDEX ix_deal_code ON ${schema}.deal (code);

-- downgrade
SELECT 1; -- forgets DROP INDEX ${schema}.ix_deal_code
