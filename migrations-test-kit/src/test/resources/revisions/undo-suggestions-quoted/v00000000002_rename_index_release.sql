-- revision: v00000000002
-- down_revision: v00000000001
-- message: rename, index, release

-- upgrade
CREATE INDEX "Key" ON "user" ("Order");
CREATE TABLE "Release" (id int PRIMARY KEY);
COMMENT ON COLUMN "user"."Order" IS 'o';
ALTER TABLE "user" RENAME COLUMN status TO "Status";
ALTER TABLE "user" ALTER COLUMN "Order" SET NOT NULL;
ALTER TYPE "Mood" ADD VALUE 'sad';
CREATE VIEW "select" AS SELECT 1 AS x;

-- downgrade
SELECT 1;
