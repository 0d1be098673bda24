-- revision: c20000000002
-- down_revision: c20000000001
-- message: rename deal

-- upgrade
ALTER TABLE deal RENAME TO deals;

-- downgrade
ALTER TABLE deals RENAME TO deal;
