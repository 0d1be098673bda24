INSERT INTO customer (name, email) VALUES ('Demo', 'demo@example.com');
