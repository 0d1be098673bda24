-- revision: y50000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TYPE deal_state AS ENUM ('open', 'won');
CREATE TABLE deal (id bigint NOT NULL PRIMARY KEY, state deal_state NOT NULL DEFAULT 'open', code varchar(20));
CREATE TABLE deal_note (id bigint NOT NULL PRIMARY KEY, state deal_state);

-- downgrade
DROP TABLE deal_note;
DROP TABLE deal;
DROP TYPE deal_state;
