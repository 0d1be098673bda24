-- revision: n10000000001
-- down_revision: none
-- message: create t

-- upgrade
CREATE TABLE t (id bigint PRIMARY KEY, code integer);
CREATE TABLE other (id integer);
CREATE SEQUENCE s;

-- downgrade
DROP SEQUENCE s;
DROP TABLE other;
DROP TABLE t;
