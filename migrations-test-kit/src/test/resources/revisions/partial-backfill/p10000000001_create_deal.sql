-- revision: p10000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TABLE deal (id bigint PRIMARY KEY, amount integer);

-- downgrade
DROP TABLE deal;
