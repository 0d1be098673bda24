-- revision: k10000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TYPE deal_kind AS ENUM ('sale', 'rent');
CREATE CAST (character varying AS deal_kind) WITH INOUT AS IMPLICIT;
CREATE TABLE deal (id bigint NOT NULL, kind deal_kind, CONSTRAINT deal_pkey PRIMARY KEY (id));

-- downgrade
DROP TABLE deal;
DROP CAST (character varying AS deal_kind);
DROP TYPE deal_kind;
