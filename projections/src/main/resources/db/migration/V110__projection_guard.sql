-- The one repeat-delivery guard of the projections (ProjectionGuard): per projection (its processing group) and
-- aggregate stream, the highest sequence number applied. Each processor batch advances the marks of its events
-- in one statement in the batch's transaction, so the guard commits with the projection's rows and token;
-- previous_sequence holds the mark the last advance found, which is how that statement tells which of the
-- batch's events were new. A replay deletes its projection's rows (the reset handler).
CREATE TABLE projection_guard (
    projection        VARCHAR(64) NOT NULL,
    aggregate_id      TEXT        NOT NULL,
    last_sequence     BIGINT      NOT NULL,
    previous_sequence BIGINT      NOT NULL,
    PRIMARY KEY (projection, aggregate_id)
);

-- The marks the projections' own guards hold today, so a built database applies no event a second time.
INSERT INTO projection_guard (projection, aggregate_id, last_sequence, previous_sequence)
SELECT 'balances', account_id, last_sequence, -1 FROM account_balance;

INSERT INTO projection_guard (projection, aggregate_id, last_sequence, previous_sequence)
SELECT 'overdue', account_id, last_sequence, -1 FROM overdue_account;

INSERT INTO projection_guard (projection, aggregate_id, last_sequence, previous_sequence)
SELECT 'relief-statistics', account_id, last_sequence, -1 FROM relief_account
UNION ALL
SELECT 'relief-statistics', program_id, last_sequence, -1 FROM relief_program;

INSERT INTO projection_guard (projection, aggregate_id, last_sequence, previous_sequence)
SELECT 'programme-moratoria', program_id, last_sequence, -1 FROM programme_moratorium;

-- The statement projection was guarded by its rows' (account, sequence) keys: the newest row of an account is
-- its mark (events after it that left no row would write none again either).
INSERT INTO projection_guard (projection, aggregate_id, last_sequence, previous_sequence)
SELECT 'statements', account_id, max(sequence), -1
  FROM (SELECT account_id, sequence FROM statement_line
        UNION ALL
        SELECT account_id, sequence FROM statement_penalty_settlement) movements
 GROUP BY account_id;

-- The old guard columns go: nothing reads or writes them any more, and left behind they would keep the values of
-- the old guard in live rows while a replay (and the replay check's shadow copy) writes none, so every row would
-- differ. account_balance.last_sequence stays: it is the balance's "last event applied", shown to readers.
-- The feed keeps its own event-id guard (feed_event_event_id_key): a feed replay keeps the positions already
-- handed out and appends only the events the feed lacks, which a per-stream mark cannot tell.
ALTER TABLE overdue_account DROP COLUMN last_sequence;
ALTER TABLE overdue_charge DROP COLUMN last_sequence;
ALTER TABLE relief_account DROP COLUMN last_sequence;
ALTER TABLE relief_program DROP COLUMN last_sequence;
ALTER TABLE programme_moratorium DROP COLUMN last_sequence;
