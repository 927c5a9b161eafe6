--liquibase formatted sql

--changeset boxoffice:005-outbox-trace-parent
-- The W3C traceparent of the request that made the change: deliveries continue its trace.
ALTER TABLE outbox ADD COLUMN trace_parent text;
--rollback ALTER TABLE outbox DROP COLUMN trace_parent;
