-- revision: y20000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TABLE deal (id bigint PRIMARY KEY, code varchar(40) NOT NULL, status varchar(20) NOT NULL, amount numeric(12,2),
  kind text DEFAULT 'sale');

-- downgrade
DROP TABLE deal;
