-- revision: m10000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TABLE deal (id bigint PRIMARY KEY, amount numeric(12,2));

-- downgrade
DROP TABLE deal;
