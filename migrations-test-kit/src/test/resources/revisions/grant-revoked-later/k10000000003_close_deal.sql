-- revision: k10000000003
-- down_revision: k10000000002
-- message: close deal

-- upgrade
REVOKE SELECT ON deal FROM PUBLIC;
REVOKE UPDATE (status) ON deal FROM PUBLIC;
REVOKE USAGE ON SEQUENCE deal_seq FROM PUBLIC;

-- downgrade
GRANT SELECT ON deal TO PUBLIC;
GRANT UPDATE (status) ON deal TO PUBLIC;
GRANT USAGE ON SEQUENCE deal_seq TO PUBLIC;
