-- revision: 990000000002
-- down_revision: 990000000001
-- message: rows and releases

-- upgrade
ALTER TABLE `order` ADD COLUMN `rows` int;
CREATE INDEX `key` ON `order` (`group`);
CREATE TABLE `release` (id int NOT NULL, PRIMARY KEY (id));

-- downgrade
SELECT 1;
