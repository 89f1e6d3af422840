-- The projections' migrations run in the ledger's database beside the event store (ledger-api's V1); V76 reads
-- it. The projection tests run this module's migrations alone, so this stands in for the columns they read.
CREATE TABLE domain_event_entry (
    global_index         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    time_stamp           VARCHAR(64)  NOT NULL,
    payload              BYTEA        NOT NULL
);
