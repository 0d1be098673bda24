-- revision: y10000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TABLE deal (id bigint PRIMARY KEY, code varchar(40) NOT NULL);

-- downgrade
DROP TABLE deal;
