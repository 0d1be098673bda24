-- revision: 960000000002
-- down_revision: 960000000001
-- message: open deals

-- upgrade
CREATE VIEW open_deal AS SELECT id FROM deal WHERE status = 'open';

-- downgrade
SELECT 1;
