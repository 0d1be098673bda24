-- revision: 5b0b1b0b0004
-- down_revision: 5b0b00000002
-- message: create web session
-- created: 2026-12-05T06:10:00Z

-- upgrade
CREATE TABLE web_session (
    primary_id char(36) NOT NULL PRIMARY KEY,
    session_id char(36) NOT NULL UNIQUE,
    creation_time bigint NOT NULL,
    last_access_time bigint NOT NULL,
    max_inactive_interval int NOT NULL,
    expiry_time bigint NOT NULL,
    principal_name varchar(100)
);
CREATE TABLE web_session_attributes (
    session_primary_id char(36) NOT NULL REFERENCES web_session (primary_id) ON DELETE CASCADE,
    attribute_name varchar(200) NOT NULL,
    attribute_bytes bytea NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);

-- downgrade
DROP TABLE web_session_attributes;
DROP TABLE web_session;
