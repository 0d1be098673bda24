-- revision: i10000000001
-- down_revision: none
-- message: create sample

-- upgrade
CREATE TABLE sample (id int PRIMARY KEY, span interval);

-- downgrade
DROP TABLE sample;
