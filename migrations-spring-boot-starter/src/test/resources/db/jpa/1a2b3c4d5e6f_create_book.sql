-- revision: 1a2b3c4d5e6f
-- down_revision: none
-- message: create book
-- created: 2026-11-22T00:00:00Z

-- upgrade
CREATE TABLE book (
    id bigint PRIMARY KEY,
    title varchar(200) NOT NULL
);

-- downgrade
DROP TABLE book;
