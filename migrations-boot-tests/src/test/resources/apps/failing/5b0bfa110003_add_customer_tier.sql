-- revision: 5b0bfa110003
-- down_revision: 5b0b00000002
-- message: add customer tier
-- created: 2026-12-01T09:20:00Z

-- upgrade
CREATE TABLE tier (code varchar(10) PRIMARY KEY);

ALTER TABLE customer ADD COLUMN tier varchar(10)
    REFERENCES tiers (code);

-- downgrade
ALTER TABLE customer DROP COLUMN tier;
DROP TABLE tier;
