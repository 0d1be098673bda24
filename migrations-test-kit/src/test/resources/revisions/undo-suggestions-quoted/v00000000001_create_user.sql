-- revision: v00000000001
-- down_revision: none
-- message: create user

-- upgrade
CREATE TYPE "Mood" AS ENUM ('ok');
CREATE TABLE "user" (id int PRIMARY KEY, "Order" text, status text NOT NULL DEFAULT 'x', mood "Mood");

-- downgrade
DROP TABLE "user";
DROP TYPE "Mood";
