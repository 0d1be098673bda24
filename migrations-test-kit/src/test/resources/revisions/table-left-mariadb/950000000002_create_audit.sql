-- revision: 950000000002
-- down_revision: 950000000001
-- message: create audit

-- upgrade
CREATE TABLE audit (id bigint NOT NULL, PRIMARY KEY (id));

-- downgrade
SELECT 1;
