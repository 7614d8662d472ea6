-- The header's unread badge counts a user's unread notices on every page: a partial index keeps that one probe.
CREATE INDEX notification_unread_by_user ON notification (user_id) WHERE read_at IS NULL;
