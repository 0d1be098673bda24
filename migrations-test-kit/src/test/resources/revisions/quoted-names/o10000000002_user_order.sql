-- revision: o10000000002
-- down_revision: o10000000001
-- message: user order

-- upgrade
ALTER TABLE "user" ADD COLUMN "order" integer NOT NULL DEFAULT 0;
UPDATE t SET "MixedCase" = 'x' WHERE "MixedCase" IS NULL;

-- downgrade
ALTER TABLE "user" DROP COLUMN "order";
