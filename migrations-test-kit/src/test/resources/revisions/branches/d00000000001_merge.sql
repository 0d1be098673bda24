-- revision: d00000000001
-- down_revision: b00000000002, c00000000001
-- message: merge reports and status

-- upgrade
CREATE VIEW won_deals AS SELECT id FROM deal WHERE status = 'won';

-- downgrade
DROP VIEW won_deals;
