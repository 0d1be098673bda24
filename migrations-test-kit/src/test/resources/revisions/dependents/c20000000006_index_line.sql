-- revision: c20000000006
-- down_revision: c20000000005
-- message: index line

-- upgrade
CREATE INDEX ix_line_deal ON line (deal_id);
ALTER TYPE currency ADD VALUE 'AED';

-- downgrade
DROP INDEX ix_line_deal;
ALTER TYPE currency RENAME TO currency_old;
CREATE TYPE currency AS ENUM ('USD', 'EUR');
DROP VIEW open_deals;
ALTER TABLE deals ALTER COLUMN currency TYPE currency USING currency::text::currency;
CREATE VIEW open_deals AS SELECT id, state AS status, currency FROM deals WHERE state = 'open';
DROP TYPE currency_old;
