-- revision: c20000000007
-- down_revision: c20000000006
-- message: drop the foreign key of line

-- upgrade
ALTER TABLE line DROP CONSTRAINT line_deal_id_fkey;
ALTER TABLE line ALTER COLUMN deal_id TYPE numeric(20);

-- downgrade
ALTER TABLE line ALTER COLUMN deal_id TYPE bigint;
ALTER TABLE line ADD CONSTRAINT line_deal_id_fkey FOREIGN KEY (deal_id) REFERENCES deals (id);
