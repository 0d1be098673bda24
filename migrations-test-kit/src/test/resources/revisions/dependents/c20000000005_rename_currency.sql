-- revision: c20000000005
-- down_revision: c20000000004
-- message: rename the currency type

-- upgrade
ALTER TYPE deal_currency RENAME TO currency;

-- downgrade
ALTER TYPE currency RENAME TO deal_currency;
