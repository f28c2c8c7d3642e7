-- The PostgreSQL migration of this name makes two of Message's indexes partial. SQLite keeps them whole:
-- its describer cannot read partial indexes, so `db:check` would see a difference from the schema.
SELECT 1;
