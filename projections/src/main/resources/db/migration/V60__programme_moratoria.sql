-- Windows of PENALTY_MORATORIUM relief programmes, for the penalty rules (ProgrammeMoratoria).
CREATE TABLE programme_moratorium (
    program_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    active_from   DATE         NOT NULL,
    active_to     DATE,
    closed_on     DATE,
    last_sequence BIGINT       NOT NULL
);
