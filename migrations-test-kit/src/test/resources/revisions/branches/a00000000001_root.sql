-- revision: a00000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TABLE ${schema}.deal (id bigint PRIMARY KEY, status text, note text);

-- downgrade
DROP TABLE ${schema}.deal;
