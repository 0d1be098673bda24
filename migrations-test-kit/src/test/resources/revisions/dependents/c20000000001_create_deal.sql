-- revision: c20000000001
-- down_revision: none
-- message: create deal, line and a view

-- upgrade
CREATE TYPE deal_currency AS ENUM ('USD', 'EUR');
CREATE SEQUENCE deal_number_seq;
CREATE TABLE deal (id bigint NOT NULL, number bigint DEFAULT nextval('deal_number_seq'), currency deal_currency,
    status varchar(20) NOT NULL, PRIMARY KEY (id));
CREATE TABLE line (id bigint NOT NULL, deal_id bigint REFERENCES deal (id), PRIMARY KEY (id));
CREATE VIEW open_deals AS SELECT id, status, currency FROM deal WHERE status = 'open';
CREATE FUNCTION touch_deal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER deal_touched BEFORE UPDATE ON deal FOR EACH ROW EXECUTE FUNCTION touch_deal();
COMMENT ON COLUMN deal.status IS 'open or closed';

-- downgrade
DROP VIEW open_deals;
DROP TABLE line;
DROP TABLE deal;
DROP FUNCTION touch_deal();
DROP SEQUENCE deal_number_seq;
DROP TYPE deal_currency;
