-- Replays requested through any node. Every node polls this table (ClusterReplays): while a replay is
-- STOPPING each node stops its processor (releasing its segments); the first node that can then reset every
-- segment does so in the same transaction that moves the row to RUNNING; every node then starts its
-- processor again, and any node marks it FINISHED once every segment has caught up past target_head.
CREATE TABLE projection_replay (
    id             BIGSERIAL    PRIMARY KEY,
    processor_name VARCHAR(255) NOT NULL,
    state          VARCHAR(16)  NOT NULL CHECK (state IN ('STOPPING', 'RUNNING', 'FINISHED')),
    requested_by   VARCHAR(255) NOT NULL,
    requested_at   TIMESTAMPTZ  NOT NULL,
    total_events   BIGINT       NOT NULL,
    target_head    BIGINT       NOT NULL,
    reset_by       VARCHAR(255),
    reset_at       TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ
);

-- One replay at a time per processor, whichever node it was asked of.
CREATE UNIQUE INDEX projection_replay_active ON projection_replay (processor_name) WHERE state <> 'FINISHED';
