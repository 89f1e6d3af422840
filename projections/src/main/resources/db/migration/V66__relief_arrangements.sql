-- Deferrals and installment plans by id, with the programme they were granted under: their later events
-- (early end, default, completion) name only the arrangement, and the statistics book them on the enrolment.
CREATE TABLE relief_arrangement (
    account_id     VARCHAR(32) NOT NULL,
    arrangement_id VARCHAR(64) NOT NULL,
    program_id     VARCHAR(32) NOT NULL,
    PRIMARY KEY (account_id, arrangement_id)
);
