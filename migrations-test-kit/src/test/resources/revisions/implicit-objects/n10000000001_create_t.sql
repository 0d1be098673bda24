-- revision: n10000000001
-- down_revision: none
-- message: create t

-- upgrade
CREATE TABLE t (id bigint PRIMARY KEY, code integer);
CREATE TABLE other (id integer);
CREATE SEQUENCE s;
CREATE TABLE p (id integer, k integer) PARTITION BY LIST (k);
CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);
CREATE INDEX p_id ON p (id);

-- downgrade
DROP TABLE p;
DROP SEQUENCE s;
DROP TABLE other;
DROP TABLE t;
