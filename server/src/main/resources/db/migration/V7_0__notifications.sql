-- Notifications: in-app for every user always; e-mail through SMTP when configured, via a transactional outbox
-- written in the transaction of the change and sent by a scheduled dispatcher with retries and backoff.

CREATE TABLE notification (
    id           UUID                     PRIMARY KEY,
    user_id      UUID                     NOT NULL REFERENCES app_user (id),
    kind         VARCHAR(60)              NOT NULL,
    title        VARCHAR(300)             NOT NULL,
    body         VARCHAR(4000)            NOT NULL,
    link         VARCHAR(300),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notification_by_user ON notification (user_id, created_at DESC);

CREATE TABLE notification_outbox (
    id              UUID                     PRIMARY KEY,
    notification_id UUID                     NOT NULL REFERENCES notification (id),
    recipient       VARCHAR(254)             NOT NULL,
    subject         VARCHAR(300)             NOT NULL,
    body            VARCHAR(8000)            NOT NULL,
    status          VARCHAR(20)              NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INTEGER                  NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE status = 'PENDING';
