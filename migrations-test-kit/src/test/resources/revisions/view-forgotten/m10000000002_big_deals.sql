-- revision: m10000000002
-- down_revision: m10000000001
-- message: big deals

-- upgrade
CREATE OR REPLACE VIEW big_deal AS SELECT id, amount FROM deal WHERE amount > 1000;
COMMENT ON VIEW big_deal IS 'deals over 1000';

-- downgrade
-- forgets the view
SELECT 1;
