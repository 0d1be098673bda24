-- revision: 5b0b1b0b0003
-- down_revision: 5b0b00000002
-- message: index quartz triggers
-- created: 2026-12-05T06:00:00Z

-- upgrade
CREATE INDEX ix_qrtz_triggers_next_fire ON qrtz_triggers (next_fire_time);

-- downgrade
DROP INDEX ix_qrtz_triggers_next_fire;
