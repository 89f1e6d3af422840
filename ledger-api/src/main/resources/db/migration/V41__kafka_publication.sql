-- How far each Kafka publisher has published the feed: advanced only after the broker acknowledged every
-- event up to the position, so a crash re-sends (same event ids) rather than skips.
CREATE TABLE feed_publication (
    publisher   VARCHAR(64)  NOT NULL PRIMARY KEY,
    position    BIGINT       NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
