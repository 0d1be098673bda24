-- revision: y30000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TABLE deal (id bigint PRIMARY KEY, status text);
GRANT SELECT, INSERT ON deal TO PUBLIC;

-- downgrade
DROP TABLE deal;
