-- revision: b00000000002
-- down_revision: b00000000001
-- depends_on: c00000000001
-- transactional: false
-- message: concurrent index

-- upgrade
CREATE INDEX CONCURRENTLY ix_deal_note ON deal (note);

-- downgrade
DROP INDEX CONCURRENTLY ix_deal_note;
