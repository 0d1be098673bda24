-- revision: 5a1e0000f001
-- down_revision: none
-- message: fail outside a transaction
-- transactional: false

-- upgrade
CREATE TABLE half_done (id bigint);
SELECT 1 / 0;

-- downgrade
DROP TABLE IF EXISTS half_done;
