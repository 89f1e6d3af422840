-- Part of the "statements" projection (written by StatementProjection with statement_line, in the same
-- transaction as the processor's token): what of each payment allocation settled penalties (positive) or was
-- released from them again (negative, on a reversal or a downward penalty correction). The turnover balance
-- sheet splits a balance into principal and penalties with it. paid_on is the allocation's value date (null for
-- a release); the day the settlement counts from is computed when read: the later of paid_on and the business
-- date of the account's statement line just before it (the event that triggered it in the same unit of work).
-- Existing installations fill it by replaying the "statements" projection once (docs/operations.md).
CREATE TABLE statement_penalty_settlement (
    account_id     VARCHAR(32) NOT NULL,
    sequence       BIGINT      NOT NULL,
    paid_on        DATE,
    amount_kopecks BIGINT      NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, sequence)
);
