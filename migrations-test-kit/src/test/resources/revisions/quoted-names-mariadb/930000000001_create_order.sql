-- revision: 930000000001
-- down_revision: none
-- message: create order

-- upgrade
CREATE TABLE `order` (id bigint PRIMARY KEY, `User_id` bigint, `group` varchar(20));

-- downgrade
DROP TABLE `order`;
