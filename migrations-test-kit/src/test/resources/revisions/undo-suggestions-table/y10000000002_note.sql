-- revision: y10000000002
-- down_revision: y10000000001
-- message: note

-- upgrade
CREATE TABLE note (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text);

-- downgrade
SELECT 1; -- forgets DROP TABLE note
