-- revision: g10000000002
-- down_revision: g10000000001
-- message: add an index named at random

-- upgrade
-- a name generated at each run: the downgrade undoes it, yet the second upgrade builds another schema
DO $$
BEGIN
  EXECUTE format('CREATE INDEX ix_deal_%s ON deal (status)', substr(md5(random()::text), 1, 8));
END
$$;

-- downgrade
DO $$
DECLARE
  name text;
BEGIN
  FOR name IN SELECT c.relname FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
      WHERE i.indrelid = 'deal'::regclass AND c.relname LIKE 'ix\_deal\_%' LOOP
    EXECUTE format('DROP INDEX %I', name);
  END LOOP;
END
$$;
