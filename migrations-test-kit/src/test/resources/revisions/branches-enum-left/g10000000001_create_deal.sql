-- revision: g10000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TABLE deal (id bigint PRIMARY KEY, status text, note text);

-- downgrade
DROP TABLE deal;
