-- revision: aaaa00000001
-- down_revision: none
-- message: create note
-- created: 2026-11-22T00:00:00Z

-- upgrade
CREATE TABLE note (id bigint PRIMARY KEY);

-- downgrade
DROP TABLE note;
