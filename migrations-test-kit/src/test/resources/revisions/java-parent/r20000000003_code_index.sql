-- revision: r20000000003
-- down_revision: r20000000002
-- message: code index

-- upgrade
CREATE INDEX ix_deal_code ON deal (code);

-- downgrade
DROP INDEX ix_deal_code;
