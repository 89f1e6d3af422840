-- Whether demo data was seeded (ledger.demo-data): one row per seeding, finished_at set when it completed,
-- so a restart neither seeds twice nor leaves a half-seeded ledger unfinished.
CREATE TABLE demo_data_seed (
    seeded_on    DATE        NOT NULL PRIMARY KEY,
    accounts     INTEGER     NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ
);
