-- Read model of the "statements" projection: one row per money movement of an account. Written only by
-- StatementProjection in the same transaction as the processor's token; the primary key on the event's
-- aggregate sequence makes every event apply at most once. Running balances are computed when read.
CREATE TABLE statement_line (
    account_id     VARCHAR(32)  NOT NULL,
    sequence       BIGINT       NOT NULL,
    business_date  DATE         NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    reference      VARCHAR(64)  NOT NULL,
    description    VARCHAR(600) NOT NULL,
    amount_kopecks BIGINT       NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account_id, sequence)
);

CREATE INDEX statement_line_account_date_idx ON statement_line (account_id, business_date, sequence);
