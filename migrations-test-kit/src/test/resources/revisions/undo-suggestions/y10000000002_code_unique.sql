-- revision: y10000000002
-- down_revision: y10000000001
-- message: code unique

-- upgrade
ALTER TABLE deal ADD CONSTRAINT uq_deal_code UNIQUE (code);

-- downgrade
SELECT 1; -- forgets ALTER TABLE deal DROP CONSTRAINT uq_deal_code
