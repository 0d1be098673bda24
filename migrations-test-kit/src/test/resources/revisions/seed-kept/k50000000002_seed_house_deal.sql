-- revision: k50000000002
-- down_revision: k50000000001
-- message: seed the house deal

-- upgrade
INSERT INTO deal (id, code) VALUES (1000, 'HOUSE');

-- downgrade
-- forgets to delete the row
SELECT 1;
