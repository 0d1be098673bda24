-- revision: h10000000002
-- down_revision: h10000000001
-- message: add audit log

-- upgrade
CREATE SCHEMA IF NOT EXISTS audit;
CREATE TABLE IF NOT EXISTS audit.log (id bigint, at timestamptz);

-- downgrade
-- forgets the schema and its table
SELECT 1;
