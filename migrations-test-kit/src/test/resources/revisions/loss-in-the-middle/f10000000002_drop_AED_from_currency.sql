-- revision: f10000000002
-- down_revision: f10000000001
-- message: drop AED from currency

-- upgrade
ALTER TABLE deal DROP COLUMN currency;
DROP TYPE deal_currency;
CREATE TYPE deal_currency AS ENUM ('USD', 'EUR');
ALTER TABLE deal ADD COLUMN currency deal_currency;

-- downgrade
ALTER TABLE deal DROP COLUMN currency;
DROP TYPE deal_currency;
CREATE TYPE deal_currency AS ENUM ('USD', 'EUR', 'AED');
ALTER TABLE deal ADD COLUMN currency deal_currency;
