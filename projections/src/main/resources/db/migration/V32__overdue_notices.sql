-- Restriction notices sent to account holders, for the restriction candidates of the overdue projection.
CREATE TABLE overdue_notice (
    account_id VARCHAR(32) NOT NULL,
    notice_id  VARCHAR(64) NOT NULL,
    sent_on    DATE        NOT NULL,
    PRIMARY KEY (account_id, notice_id)
);
