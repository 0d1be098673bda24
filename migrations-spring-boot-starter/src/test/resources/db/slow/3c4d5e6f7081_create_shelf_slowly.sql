-- revision: 3c4d5e6f7081
-- down_revision: 1a2b3c4d5e6f
-- message: create shelf slowly
-- created: 2026-11-22T00:00:00Z

-- upgrade
SELECT pg_sleep(1);
CREATE TABLE shelf (id bigint PRIMARY KEY);

-- downgrade
DROP TABLE shelf;
