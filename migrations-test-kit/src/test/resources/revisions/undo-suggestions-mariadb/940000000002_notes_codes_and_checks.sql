-- revision: 940000000002
-- down_revision: 940000000001
-- message: notes, codes and checks

-- upgrade
CREATE TABLE note (id bigint NOT NULL PRIMARY KEY, deal_id bigint NOT NULL, CONSTRAINT fk_note_deal FOREIGN KEY (deal_id) REFERENCES deal (id));
ALTER TABLE deal ADD COLUMN code varchar(20);
CREATE UNIQUE INDEX ux_deal_code ON deal (code);
CREATE INDEX ix_deal_status ON deal (status);
ALTER TABLE deal ADD CONSTRAINT ck_deal_status CHECK (status <> '');
CREATE TABLE prospect (id bigint NOT NULL PRIMARY KEY, deal_id bigint, CONSTRAINT fk_prospect_deal FOREIGN KEY (deal_id) REFERENCES deal (id));
CREATE VIEW open_deal AS SELECT id, status FROM deal WHERE status = 'open';
CREATE TRIGGER trg_deal_code BEFORE INSERT ON deal FOR EACH ROW SET NEW.code = UPPER(NEW.code);
CREATE PROCEDURE deal_count() SELECT COUNT(*) FROM deal;

-- downgrade
DROP TABLE prospect;
ALTER TABLE note DROP FOREIGN KEY fk_note_deal;
SELECT 1;
