-- revision: l10000000001
-- down_revision: none
-- message: create sample

-- upgrade
CREATE TABLE sample (id int PRIMARY KEY, at timestamptz, local timestamp, day date, doc jsonb);

-- downgrade
DROP TABLE sample;
