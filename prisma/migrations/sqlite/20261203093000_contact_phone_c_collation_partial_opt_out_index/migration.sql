-- Nothing to change on SQLite; the PostgreSQL migration of the same name is hand-written for PostgreSQL only:
-- SQLite already compares text bytewise (BINARY), and its schema describer (which db:check uses) cannot
-- read a partial index, so Contact_optedOut_idx stays whole here. A migration needs one statement:
SELECT 1;
