-- revision: f10000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE SEQUENCE deal_number_seq;
CREATE TABLE deal (id bigint NOT NULL, status varchar(20) NOT NULL, PRIMARY KEY (id));

-- downgrade
DROP TABLE deal;
