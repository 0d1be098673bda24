-- revision: n10000000004
-- down_revision: n10000000003
-- message: serial and unique

-- upgrade
ALTER TABLE t ADD COLUMN n serial, ADD COLUMN g bigint GENERATED ALWAYS AS IDENTITY,
  ADD CONSTRAINT t_code_key UNIQUE (code);

-- downgrade
ALTER TABLE t DROP CONSTRAINT t_code_key;
ALTER TABLE t DROP COLUMN g;
ALTER TABLE t DROP COLUMN n;
