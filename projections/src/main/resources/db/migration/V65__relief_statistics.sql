-- Read model of the "relief-statistics" projection, written only by ReliefStatisticsProjection in the same
-- transaction as its token. relief_account.last_sequence guards every event of an account stream and
-- relief_program.last_sequence every event of a programme stream, so a redelivered event changes nothing.
-- The statistics are computed from these facts when asked (ReliefStatisticsQueries), for the date asked.
CREATE TABLE relief_account (
    account_id    VARCHAR(32) PRIMARY KEY,
    region_code   VARCHAR(2)  NOT NULL,
    last_sequence BIGINT      NOT NULL
);

-- Social categories with validity, to tell which category an enrolment was made under.
CREATE TABLE relief_category (
    account_id VARCHAR(32) NOT NULL,
    category   VARCHAR(16) NOT NULL,
    valid_from DATE        NOT NULL,
    valid_to   DATE,
    PRIMARY KEY (account_id, category)
);

-- The programme's window and closure; the other facts of an enrolment come with AccountEnrolled.
CREATE TABLE relief_program (
    program_id    VARCHAR(32)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    kind          VARCHAR(24)  NOT NULL,
    active_from   DATE        NOT NULL,
    active_to     DATE,
    closed_on     DATE,
    last_sequence BIGINT      NOT NULL
);

-- One row per enrolment with what the relief gave. ended_on/outcome and the deferred, restructured and
-- penalties-forgone sums are fed by the relief events of other kinds (docs/architecture.md names them).
CREATE TABLE relief_enrolment (
    program_id                 VARCHAR(32) NOT NULL,
    account_id                 VARCHAR(32) NOT NULL,
    kind                       VARCHAR(24) NOT NULL,
    region_code                VARCHAR(2)  NOT NULL,
    category                   VARCHAR(16),
    enrolled_on                DATE        NOT NULL,
    active_to                  DATE,
    ended_on                   DATE,
    outcome                    VARCHAR(16),
    deferred_kopecks           BIGINT      NOT NULL DEFAULT 0,
    restructured_kopecks       BIGINT      NOT NULL DEFAULT 0,
    discounted_kopecks         BIGINT      NOT NULL DEFAULT 0,
    compensated_kopecks        BIGINT      NOT NULL DEFAULT 0,
    penalties_forgone_kopecks  BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (program_id, account_id)
);

CREATE INDEX relief_enrolment_account_idx ON relief_enrolment (account_id);

-- Every account's charges: whether an account had overdue debt on a day needs the ones posted before its
-- enrolment too. relief_until (a deferral's end, a kept plan) keeps a charge from being overdue through that day.
CREATE TABLE relief_charge (
    account_id     VARCHAR(32) NOT NULL,
    charge_id      VARCHAR(64) NOT NULL,
    due_date       DATE        NOT NULL,
    amount_kopecks BIGINT      NOT NULL,
    relief_until   DATE,
    PRIMARY KEY (account_id, charge_id)
);

-- What each payment (or relief credit) settled of each charge's principal, dated by the payment's value
-- date, so that "overdue on day D" can be answered for any past day. A release undoes the slice.
CREATE TABLE relief_settlement (
    account_id     VARCHAR(32) NOT NULL,
    charge_id      VARCHAR(64) NOT NULL,
    payment_id     VARCHAR(64) NOT NULL,
    paid_on        DATE        NOT NULL,
    amount_kopecks BIGINT      NOT NULL,
    PRIMARY KEY (account_id, charge_id, payment_id)
);

CREATE INDEX relief_settlement_day_idx ON relief_settlement (account_id, paid_on);

-- Money received from the customer (not relief credits), for "collected from enrolled accounts".
CREATE TABLE relief_payment (
    account_id     VARCHAR(32) NOT NULL,
    payment_id     VARCHAR(64) NOT NULL,
    received_on    DATE        NOT NULL,
    amount_kopecks BIGINT      NOT NULL,
    reversed       BOOLEAN     NOT NULL DEFAULT false,
    PRIMARY KEY (account_id, payment_id)
);
