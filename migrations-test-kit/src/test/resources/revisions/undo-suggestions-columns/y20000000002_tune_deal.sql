-- revision: y20000000002
-- down_revision: y20000000001
-- message: tune deal

-- upgrade
ALTER TABLE deal ALTER COLUMN code TYPE varchar(80);
ALTER TABLE deal ALTER COLUMN amount SET NOT NULL;
ALTER TABLE deal ALTER COLUMN status SET DEFAULT 'NEW';
ALTER TABLE deal ALTER COLUMN kind SET DEFAULT 'rent';

-- downgrade
SELECT 1; -- forgets every change
