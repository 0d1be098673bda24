-- revision: f10000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TYPE deal_currency AS ENUM ('USD', 'EUR', 'AED');
CREATE TABLE deal (id bigint NOT NULL, currency deal_currency, amount integer, PRIMARY KEY (id));

-- downgrade
DROP TABLE deal;
DROP TYPE deal_currency;
