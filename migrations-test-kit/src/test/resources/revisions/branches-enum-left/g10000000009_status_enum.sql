-- revision: g10000000009
-- down_revision: g10000000001
-- message: status enum

-- upgrade
CREATE TYPE deal_status AS ENUM ('new', 'won');
ALTER TABLE deal ALTER COLUMN status TYPE deal_status USING status::deal_status;

-- downgrade
ALTER TABLE deal ALTER COLUMN status TYPE text;
