-- Installment plans (repayment agreements) and whether they are being kept: Decree 354 allows no supply
-- restriction while an agreement is kept. Status: ACTIVE (kept), MISSED (an installment was missed),
-- DEFAULTED, COMPLETED. Written by OverdueProjection with the rest of its tables.
CREATE TABLE overdue_agreement (
    account_id VARCHAR(32) NOT NULL,
    plan_id    VARCHAR(64) NOT NULL,
    agreed_on  DATE        NOT NULL,
    status     VARCHAR(16) NOT NULL,
    PRIMARY KEY (account_id, plan_id)
);
