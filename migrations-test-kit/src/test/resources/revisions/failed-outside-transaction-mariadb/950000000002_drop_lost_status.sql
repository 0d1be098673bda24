-- revision: 950000000002
-- down_revision: 950000000001
-- message: drop lost status

-- upgrade
CREATE INDEX ix_deal_status ON deal (status);
ALTER TABLE deal MODIFY status enum('open', 'won') NOT NULL;

-- downgrade
ALTER TABLE deal MODIFY status enum('open', 'won', 'lost') NOT NULL;
DROP INDEX ix_deal_status ON deal;
