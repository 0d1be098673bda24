-- revision: i10000000002
-- down_revision: i10000000001
-- message: add lease kind

-- upgrade
DROP CAST (character varying AS deal_kind);
ALTER TYPE deal_kind RENAME TO deal_kind_old;
CREATE TYPE deal_kind AS ENUM ('sale', 'rent', 'lease');
ALTER TABLE deal ALTER COLUMN kind TYPE deal_kind USING kind::text::deal_kind;
DROP TYPE deal_kind_old;
CREATE CAST (character varying AS deal_kind) WITH INOUT AS IMPLICIT;

-- downgrade
-- forgets to create the cast again
DROP CAST IF EXISTS (character varying AS deal_kind);
ALTER TYPE deal_kind RENAME TO deal_kind_old;
CREATE TYPE deal_kind AS ENUM ('sale', 'rent');
ALTER TABLE deal ALTER COLUMN kind TYPE deal_kind USING kind::text::deal_kind;
DROP TYPE deal_kind_old;
