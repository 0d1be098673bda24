-- revision: r20000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TABLE deal (id bigint PRIMARY KEY, code text);

-- downgrade
DROP TABLE deal;
