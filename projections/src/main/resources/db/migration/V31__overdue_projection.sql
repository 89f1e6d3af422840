-- Read model of the "overdue" projection, written only by OverdueProjection in the same transaction as the
-- processor's token. overdue_account.last_sequence guards every event of the account, so a redelivered
-- event changes nothing. Overdue-ness is not stored: it depends on the date asked about, so queries
-- compare due_date with that date.
CREATE TABLE overdue_account (
    account_id    VARCHAR(32) PRIMARY KEY,
    region_code   VARCHAR(2)  NOT NULL,
    last_sequence BIGINT      NOT NULL
);

-- One row per charge with what payments have settled of its principal. Relief (a deferral's shifted due
-- date, a kept installment plan) is meant to arrive as extra columns here, e.g. relief_until DATE, that
-- the overdue query then excludes; nothing writes such facts yet, so there is no column for them.
CREATE TABLE overdue_charge (
    account_id     VARCHAR(32) NOT NULL,
    charge_id      VARCHAR(64) NOT NULL,
    billing_period VARCHAR(7)  NOT NULL,
    due_date       DATE        NOT NULL,
    amount_kopecks BIGINT      NOT NULL,
    paid_kopecks   BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, charge_id)
);

CREATE INDEX overdue_charge_unpaid_idx ON overdue_charge (due_date, account_id)
    WHERE paid_kopecks < amount_kopecks;

-- Social categories with their validity; a revocation ends the validity the day before it applies.
CREATE TABLE overdue_category (
    account_id VARCHAR(32) NOT NULL,
    category   VARCHAR(16) NOT NULL,
    valid_from DATE        NOT NULL,
    valid_to   DATE,
    PRIMARY KEY (account_id, category)
);
