-- revision: x10000000002
-- down_revision: x10000000001
-- message: pgcrypto

-- upgrade
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- downgrade
SELECT 1; -- forgets DROP EXTENSION pgcrypto
