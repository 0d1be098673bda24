-- revision: 980000000001
-- down_revision: none
-- message: create release

-- upgrade
CREATE TABLE `release` (id int NOT NULL, year year, PRIMARY KEY (id));

-- downgrade
DROP TABLE `release`;
