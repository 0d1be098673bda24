-- revision: 4d5e6f708192
-- down_revision: 1a2b3c4d5e6f
-- message: seed book
-- created: 2026-11-22T00:00:00Z

-- upgrade
INSERT INTO book (id, title) VALUES (1, 'Written by a revision');

-- downgrade
DELETE FROM book WHERE id = 1;
