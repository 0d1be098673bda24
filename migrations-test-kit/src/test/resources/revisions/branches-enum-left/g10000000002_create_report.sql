-- revision: g10000000002
-- down_revision: g10000000001
-- branch_labels: reports
-- message: create report

-- upgrade
CREATE TABLE report (id int PRIMARY KEY, deal_id bigint REFERENCES deal (id));

-- downgrade
DROP TABLE report;
