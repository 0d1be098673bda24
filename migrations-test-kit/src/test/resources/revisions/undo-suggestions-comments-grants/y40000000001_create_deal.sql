-- revision: y40000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TABLE deal (id bigint NOT NULL PRIMARY KEY, amount numeric(12,2) NOT NULL);
CREATE VIEW big_deal AS SELECT id, amount FROM deal WHERE amount > 1000;
CREATE FUNCTION deal_total() RETURNS numeric LANGUAGE sql AS 'SELECT sum(amount) FROM deal';

-- downgrade
DROP FUNCTION deal_total();
DROP VIEW big_deal;
DROP TABLE deal;
