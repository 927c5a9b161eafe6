-- Schema changes proposed from bench/search results, to try on the bench database by hand:
--   psql -h 127.0.0.1 -U postgres -d boxoffice_bench -f bench/proposed-search-fixes.sql
--   bench/search --pg-options "-c plan_cache_mode=force_custom_plan"
-- (the connection option stands for the proposed one-line change in DataSourceFactory).
-- bench/proposed-search-fixes-undo.sql restores the schema as migrated.

-- 1. Text search estimates. With the default statistics target (100) ANALYZE keeps ~300 lexemes
--    of events.search and estimates every other word at half the rarest kept one's frequency
--    (~0.45 % here), so a rare or absent word looks common enough for the planner to walk the
--    sort index and filter: ~0.4-0.6 s for a rare word, a walk of the whole index (~3 s, past the
--    5 s statement timeout on a busy machine) for a word that matches nothing. With 1000, ~8,000
--    lexemes are kept and the rest are estimated rare, so rare words go through the GIN index
--    (under 1.5 ms).
ALTER TABLE events ALTER COLUMN search SET STATISTICS 1000;

-- 2. Newest-first with a start-date window. created_at and starts_at are correlated (events are
--    created before they start), which the planner cannot see: for a window in the past it walks
--    events_created_at_idx backwards from today and filters ~750k rows through the heap (~3 s).
--    With starts_at as a third key column the same walk filters inside the index (~35 ms worst
--    case here, no heap visits); the index still serves ORDER BY created_at DESC, id DESC and the
--    keyset condition, so it replaces events_created_at_idx.
CREATE INDEX events_created_at_starts_at_idx ON events (created_at, id, starts_at);
DROP INDEX events_created_at_idx;

ANALYZE events;
