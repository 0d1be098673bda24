-- revision: 950000000001
-- down_revision: none
-- message: create deal

-- upgrade
CREATE TABLE deal (id bigint NOT NULL, status enum('open', 'won', 'lost') NOT NULL, PRIMARY KEY (id));

-- downgrade
DROP TABLE deal;
