--liquibase formatted sql

--changeset boxoffice:006-search-statistics
-- With the default statistics target ANALYZE keeps ~300 lexemes of events.search and guesses every
-- other word as fairly common, so the planner walked a sort index for rare words (seconds on a
-- million events). With 1000, ~8,000 lexemes are kept and rare words go through the GIN index.
ALTER TABLE events ALTER COLUMN search SET STATISTICS 1000;
--rollback ALTER TABLE events ALTER COLUMN search SET STATISTICS -1;

--changeset boxoffice:006-created-at-with-start
-- Newest-first lists filtered by a start-date window: created_at and starts_at are correlated in a
-- way the planner cannot see; with starts_at in the index the filter runs inside it, not on the heap.
CREATE INDEX events_created_at_starts_at_idx ON events (created_at, id, starts_at);
DROP INDEX events_created_at_idx;
--rollback CREATE INDEX events_created_at_idx ON events (created_at, id); DROP INDEX events_created_at_starts_at_idx;
