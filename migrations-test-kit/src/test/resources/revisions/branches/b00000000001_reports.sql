-- revision: b00000000001
-- down_revision: a00000000001
-- branch_labels: reports
-- message: create report

-- upgrade
CREATE TABLE report (id int PRIMARY KEY, deal_id bigint REFERENCES deal (id));

-- downgrade
DROP TABLE report;
