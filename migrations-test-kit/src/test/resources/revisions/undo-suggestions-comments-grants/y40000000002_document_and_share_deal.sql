-- revision: y40000000002
-- down_revision: y40000000001
-- message: document and share deal

-- upgrade
COMMENT ON TABLE deal IS 'a sale or a lease';
COMMENT ON VIEW big_deal IS 'deals over 1000';
COMMENT ON FUNCTION deal_total() IS 'the sum of all deals';
GRANT SELECT (id, amount), UPDATE (amount) ON deal TO PUBLIC;

-- downgrade
SELECT 1;
