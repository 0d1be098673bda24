-- revision: k50000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TABLE deal (id bigint PRIMARY KEY, code varchar(20) NOT NULL);

-- downgrade
DROP TABLE deal;
