-- revision: 910000000003
-- down_revision: 910000000002
-- message: drop AED from currency

-- upgrade
ALTER TABLE deal MODIFY currency enum('USD', 'EUR');

-- downgrade
ALTER TABLE deal MODIFY currency enum('USD', 'EUR', 'AED');
