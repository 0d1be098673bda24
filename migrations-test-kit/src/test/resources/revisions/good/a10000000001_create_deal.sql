-- revision: a10000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TYPE deal_currency AS ENUM ('USD', 'EUR', 'AED');
CREATE SEQUENCE deal_number_seq START 1000;
CREATE TABLE deal (id bigint NOT NULL, status varchar(20) NOT NULL, currency deal_currency, PRIMARY KEY (id));
COMMENT ON TABLE deal IS 'a deal';

-- downgrade
DROP TABLE deal;
DROP SEQUENCE deal_number_seq;
DROP TYPE deal_currency;
