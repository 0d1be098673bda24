-- revision: p10000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TABLE ${schema}.deal (id bigint PRIMARY KEY, code text);
COMMENT ON TABLE ${schema}.deal IS 'deals of ${tenant}';

-- downgrade
DROP TABLE ${schema}.deal;
