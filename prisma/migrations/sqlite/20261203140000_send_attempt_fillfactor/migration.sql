-- The PostgreSQL migration of this name leaves room in SendAttempt's pages for HOT updates. SQLite has no
-- such setting (and updates only the indexes whose columns change).
SELECT 1;
