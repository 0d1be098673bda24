-- revision: 9aaf6725bae6
-- down_revision: c65845a72f8e
-- message: add custom GIN index
-- created: 2026-11-22T01:46:33Z

-- upgrade
-- Hand-written: JPA cannot declare a GIN index, so `db check` leaves it alone (it is listed as unmanaged).
CREATE INDEX IF NOT EXISTS ix_bulletin_metadata ON bulletin USING gin (metadata jsonb_path_ops);


-- downgrade
-- lint: disable=index-without-concurrently,missing-lock-timeout the sample's bulletin table holds a handful of rows, so the build's SHARE lock lasts milliseconds; on a large table build it CONCURRENTLY in a `transactional: false` revision
DROP INDEX IF EXISTS ix_bulletin_metadata;

