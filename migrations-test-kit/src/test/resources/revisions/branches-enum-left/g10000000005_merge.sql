-- revision: g10000000005
-- down_revision: g10000000004, g10000000009
-- message: merge reports and status

-- upgrade

-- downgrade
