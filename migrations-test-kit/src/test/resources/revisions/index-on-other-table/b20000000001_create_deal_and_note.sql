-- revision: b20000000001
-- down_revision: none
-- message: create deal and note

-- upgrade
CREATE TABLE deal (id bigint NOT NULL, status varchar(20) NOT NULL, PRIMARY KEY (id));
CREATE TABLE note (id bigint NOT NULL, PRIMARY KEY (id));

-- downgrade
DROP TABLE note;
DROP TABLE deal;
