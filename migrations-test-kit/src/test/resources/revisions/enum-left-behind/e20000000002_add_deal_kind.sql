-- revision: e20000000002
-- down_revision: e20000000001
-- message: add deal kind

-- upgrade
CREATE TYPE deal_kind AS ENUM ('sale', 'rent');
ALTER TABLE deal ADD COLUMN kind deal_kind;

-- downgrade
-- the type is left behind
ALTER TABLE deal DROP COLUMN kind;
