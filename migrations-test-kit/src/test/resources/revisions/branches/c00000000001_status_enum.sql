-- revision: c00000000001
-- down_revision: a00000000001
-- message: status enum

-- upgrade
CREATE TYPE deal_status AS ENUM ('new', 'won');
ALTER TABLE deal ALTER COLUMN status TYPE deal_status USING status::deal_status;

-- downgrade
ALTER TABLE deal ALTER COLUMN status TYPE text;
DROP TYPE deal_status;
