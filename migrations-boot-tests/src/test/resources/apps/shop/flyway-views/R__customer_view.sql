CREATE OR REPLACE VIEW customer_view AS SELECT id, name FROM customer;
