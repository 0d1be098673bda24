-- revision: 990000000001
-- down_revision: none
-- message: create order

-- upgrade
CREATE TABLE `order` (id int NOT NULL, `group` varchar(10), PRIMARY KEY (id));

-- downgrade
DROP TABLE `order`;
