-- Undoes bench/proposed-search-fixes.sql: back to the schema as migrated.
ALTER TABLE events ALTER COLUMN search SET STATISTICS -1;
CREATE INDEX IF NOT EXISTS events_created_at_idx ON events (created_at, id);
DROP INDEX IF EXISTS events_created_at_starts_at_idx;
ANALYZE events;
