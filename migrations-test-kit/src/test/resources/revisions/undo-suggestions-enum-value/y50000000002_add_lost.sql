-- revision: y50000000002
-- down_revision: y50000000001
-- message: add lost

-- upgrade
ALTER TYPE deal_state ADD VALUE 'lost';

-- downgrade
SELECT 1;
