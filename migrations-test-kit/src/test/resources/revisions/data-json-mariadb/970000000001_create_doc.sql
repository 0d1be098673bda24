-- revision: 970000000001
-- down_revision: none
-- message: create doc

-- upgrade
CREATE TABLE doc (id int NOT NULL, body json, PRIMARY KEY (id));

-- downgrade
DROP TABLE doc;
