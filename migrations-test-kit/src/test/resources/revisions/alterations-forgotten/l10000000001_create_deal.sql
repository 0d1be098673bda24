-- revision: l10000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TABLE deal (id bigint PRIMARY KEY, status text, amount int);
CREATE INDEX ix_deal_status ON deal (status);
CREATE FUNCTION deal_touched() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER deal_touch BEFORE UPDATE ON deal FOR EACH ROW EXECUTE FUNCTION deal_touched();

-- downgrade
DROP TABLE deal;
DROP FUNCTION deal_touched();
