-- revision: g10000000004
-- down_revision: g10000000002
-- depends_on: g10000000009
-- transactional: false
-- message: note index

-- upgrade
CREATE INDEX CONCURRENTLY ix_deal_note ON deal (note);

-- downgrade
DROP INDEX CONCURRENTLY ix_deal_note;
