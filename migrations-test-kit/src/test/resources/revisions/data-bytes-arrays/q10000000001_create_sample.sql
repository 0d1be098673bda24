-- revision: q10000000001
-- down_revision: none
-- message: create sample

-- upgrade
CREATE TABLE sample (id int PRIMARY KEY, bin bytea, tags text[], nums int[], doc json);

-- downgrade
DROP TABLE sample;
