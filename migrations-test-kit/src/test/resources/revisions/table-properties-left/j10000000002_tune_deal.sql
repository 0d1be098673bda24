-- revision: j10000000002
-- down_revision: j10000000001
-- message: tune deal

-- upgrade
ALTER TABLE deal SET UNLOGGED;
ALTER TABLE deal ENABLE ROW LEVEL SECURITY;
ALTER TABLE deal SET (fillfactor = 70);
GRANT SELECT ON deal TO PUBLIC;
COMMENT ON CONSTRAINT deal_pkey ON deal IS 'one row a deal';

-- downgrade
-- undoes nothing
SELECT 1;
