-- The penalty decision's own copy of the windows of PENALTY_MORATORIUM relief programmes (ProgrammeMoratoriumWindows).
-- Written by a subscribing event handler in the transaction that appends the programme's events, so it never lags
-- them (unlike the programme-moratoria projection, V60, which stays for the programme view). last_sequence is the
-- programme stream's sequence of the last event applied: an event applied again changes nothing.
CREATE TABLE programme_moratorium_window (
    program_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    active_from   DATE         NOT NULL,
    active_to     DATE,
    closed_on     DATE,
    last_sequence BIGINT       NOT NULL
);

-- Programmes launched before this table existed are read once from the event store at startup; this row says it
-- was done (a missing row makes the next start do it again, harmlessly).
CREATE TABLE programme_moratorium_window_backfill (
    done          BOOLEAN      NOT NULL PRIMARY KEY CHECK (done),
    completed_at  TIMESTAMPTZ  NOT NULL
);
