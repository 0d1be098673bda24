-- revision: n10000000007
-- down_revision: n10000000006
-- message: detach p1

-- upgrade
ALTER TABLE p DETACH PARTITION p1;

-- downgrade
ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1);
