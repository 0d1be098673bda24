-- revision: 5b0b00000003
-- down_revision: 5b0b00000001
-- message: add customer note

-- upgrade
CREATE TABLE customer_note (id bigint PRIMARY KEY, customer_id bigint NOT NULL, body text NOT NULL);

-- downgrade
DROP TABLE customer_note;
