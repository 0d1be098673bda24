-- revision: a10000000003
-- down_revision: a10000000002
-- message: drop AED from currency

-- upgrade
ALTER TYPE deal_currency RENAME TO deal_currency_old;
CREATE TYPE deal_currency AS ENUM ('USD', 'EUR');
ALTER TABLE deal ALTER COLUMN currency TYPE deal_currency USING currency::text::deal_currency;
DROP TYPE deal_currency_old;

-- downgrade
ALTER TYPE deal_currency RENAME TO deal_currency_old;
CREATE TYPE deal_currency AS ENUM ('USD', 'EUR', 'AED');
ALTER TABLE deal ALTER COLUMN currency TYPE deal_currency USING currency::text::deal_currency;
DROP TYPE deal_currency_old;
