-- revision: 5b0b5e550003
-- down_revision: 5b0b00000002
-- message: record the session
-- created: 2026-12-01T09:30:00Z

-- upgrade
CREATE TABLE session_seen AS
SELECT current_setting('lock_timeout') AS lock_timeout, current_user::text AS who;

-- downgrade
DROP TABLE session_seen;
