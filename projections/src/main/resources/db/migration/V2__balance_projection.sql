-- Read model of the "balances" projection. Written only by BalanceProjection, in the same
-- transaction as the processor's token; last_sequence makes every event apply at most once.
CREATE TABLE account_balance (
    account_id        VARCHAR(32)  NOT NULL PRIMARY KEY,
    holder_name       VARCHAR(200) NOT NULL,
    region_code       CHAR(2)      NOT NULL,
    status            VARCHAR(10)  NOT NULL,
    opened_on         DATE         NOT NULL,
    closed_on         DATE,
    balance_kopecks   BIGINT       NOT NULL DEFAULT 0,
    charged_kopecks   BIGINT       NOT NULL DEFAULT 0,
    paid_kopecks      BIGINT       NOT NULL DEFAULT 0,
    reversed_kopecks  BIGINT       NOT NULL DEFAULT 0,
    charge_count      INTEGER      NOT NULL DEFAULT 0,
    payment_count     INTEGER      NOT NULL DEFAULT 0,
    last_sequence     BIGINT       NOT NULL,
    last_event_at     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX account_balance_region_idx ON account_balance (region_code);
