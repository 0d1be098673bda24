-- revision: 960000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TABLE deal (id bigint NOT NULL, status varchar(20) NOT NULL, PRIMARY KEY (id));

-- downgrade
DROP TABLE deal;
