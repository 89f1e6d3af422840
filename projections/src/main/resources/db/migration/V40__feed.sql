-- The public event feed. Written only by FeedProjection, a single-segment processor, in the same
-- transaction as its token: positions are handed out densely (max + 1) by one writer, so a reader of
-- "position > N" never sees a hole. event_id makes every event appear once however often it is delivered.
CREATE TABLE feed_event (
    position          BIGINT       NOT NULL PRIMARY KEY,
    event_id          VARCHAR(64)  NOT NULL,
    event_type        VARCHAR(64)  NOT NULL,
    event_version     INTEGER      NOT NULL,
    account_id        VARCHAR(32)  NOT NULL,
    account_sequence  BIGINT       NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL,
    correlation_id    VARCHAR(200),
    data              TEXT         NOT NULL,
    CONSTRAINT feed_event_event_id_key UNIQUE (event_id)
);

CREATE INDEX feed_event_type_idx ON feed_event (event_type, position);
