-- revision: k10000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE SEQUENCE deal_seq;
CREATE TABLE deal (id bigint PRIMARY KEY, status text);

-- downgrade
DROP TABLE deal;
DROP SEQUENCE deal_seq;
