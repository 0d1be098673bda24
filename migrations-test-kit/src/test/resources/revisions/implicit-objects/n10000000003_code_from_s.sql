-- revision: n10000000003
-- down_revision: n10000000002
-- message: code from s

-- upgrade
ALTER TABLE t ALTER COLUMN code SET DEFAULT nextval('s');
ALTER SEQUENCE s OWNED BY t.code;

-- downgrade
ALTER SEQUENCE s OWNED BY NONE;
ALTER TABLE t ALTER COLUMN code DROP DEFAULT;
