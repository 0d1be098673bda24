-- revision: 930000000002
-- down_revision: 930000000001
-- message: order rank

-- upgrade
ALTER TABLE `order` ADD COLUMN `Rank` integer NOT NULL DEFAULT 1;

-- downgrade
ALTER TABLE `order` DROP COLUMN `Rank`;
