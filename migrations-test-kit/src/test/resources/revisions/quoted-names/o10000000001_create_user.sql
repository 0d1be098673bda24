-- revision: o10000000001
-- down_revision: none
-- message: create user

-- upgrade
CREATE TABLE "user" (id bigint PRIMARY KEY, "User_id" bigint, name text);
CREATE TABLE t (id bigint PRIMARY KEY, "MixedCase" text);

-- downgrade
DROP TABLE t;
DROP TABLE "user";
