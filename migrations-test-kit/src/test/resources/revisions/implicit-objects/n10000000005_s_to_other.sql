-- revision: n10000000005
-- down_revision: n10000000004
-- message: s to other

-- upgrade
ALTER SEQUENCE s OWNED BY other.id;

-- downgrade
ALTER SEQUENCE s OWNED BY t.code;
