--liquibase formatted sql

--changeset notification:001-sent-notifications
-- One row per email sent: a message delivered again, or a fan-out resumed after a crash, skips the
-- recipients found here. Written right after the mail server accepted the email.
CREATE TABLE sent_notifications (
    message_id   uuid        NOT NULL,
    recipient_id uuid        NOT NULL,
    message_type text        NOT NULL,
    sent_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, recipient_id)
);
-- Rows older than sent-log.retention are removed.
CREATE INDEX sent_notifications_sent_at_idx ON sent_notifications (sent_at);
--rollback DROP TABLE sent_notifications;
