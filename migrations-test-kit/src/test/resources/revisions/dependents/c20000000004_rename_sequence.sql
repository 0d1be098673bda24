-- revision: c20000000004
-- down_revision: c20000000003
-- message: rename the number sequence

-- upgrade
ALTER SEQUENCE deal_number_seq RENAME TO deal_no_seq;

-- downgrade
ALTER SEQUENCE deal_no_seq RENAME TO deal_number_seq;
