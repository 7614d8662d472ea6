-- Issue 13: sign-in is throttled per username AND source, replacing the per-username lockout that let anyone
-- lock any account (the administrator's included) for 15 minutes. A source is kept only as an HMAC of its
-- address, or as the hash of a known device's cookie: no table holds an address or a cookie.
DROP TABLE sign_in_throttle;

-- The HMAC key for sources: generated once by the first instance that needs it and shared by every instance
-- on this database, so all of them count the same source alike.
CREATE TABLE sign_in_key (
    id     SMALLINT PRIMARY KEY CHECK (id = 1),
    secret BYTEA    NOT NULL CHECK (length(secret) >= 32)
);

-- Consecutive failed sign-ins of one username (normalised as typed, whether or not such a user exists) from
-- one source: 'a:' + the HMAC of the address, or 'd:' + the hash of a known device's cookie.
CREATE TABLE sign_in_pause (
    username_key    VARCHAR(100)             NOT NULL,
    source          VARCHAR(64)              NOT NULL,
    failures        INT                      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    paused_until    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (username_key, source)
);
CREATE INDEX sign_in_pause_by_last_failure ON sign_in_pause (last_failure_at);

-- Failed sign-ins of one username in a one-hour window, counted apart for sources that are not one of its
-- known devices and for its known devices. At the cap for unknown sources only known devices may try until the
-- window ends; the two caps together bound the failures one account can take in an hour (ASVS 4.0.3 V2.2.1).
CREATE TABLE sign_in_hourly_failures (
    username_key      VARCHAR(100)             NOT NULL,
    known_device      BOOLEAN                  NOT NULL,
    window_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    failures          INT                      NOT NULL,
    PRIMARY KEY (username_key, known_device)
);
CREATE INDEX sign_in_hourly_failures_by_window ON sign_in_hourly_failures (window_started_at);

-- Devices that signed in as a username: the SHA-256 of the pallas-device cookie, never the cookie itself.
CREATE TABLE sign_in_device (
    username_key      VARCHAR(100)             NOT NULL,
    device_hash       VARCHAR(43)              NOT NULL,
    last_signed_in_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (username_key, device_hash)
);
CREATE INDEX sign_in_device_by_last_sign_in ON sign_in_device (last_signed_in_at);
