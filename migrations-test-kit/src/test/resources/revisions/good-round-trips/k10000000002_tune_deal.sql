-- revision: k10000000002
-- down_revision: k10000000001
-- message: tune deal

-- upgrade
ALTER TABLE deal SET UNLOGGED;
ALTER TABLE deal ENABLE ROW LEVEL SECURITY;
ALTER TABLE deal SET (fillfactor = 70);
GRANT SELECT ON deal TO PUBLIC;
COMMENT ON CONSTRAINT deal_pkey ON deal IS 'one row a deal';
CREATE SCHEMA audit;
CREATE TABLE audit.log (id bigint);

-- downgrade
DROP SCHEMA audit CASCADE;
COMMENT ON CONSTRAINT deal_pkey ON deal IS NULL;
REVOKE SELECT ON deal FROM PUBLIC;
ALTER TABLE deal RESET (fillfactor);
ALTER TABLE deal DISABLE ROW LEVEL SECURITY;
ALTER TABLE deal SET LOGGED;
