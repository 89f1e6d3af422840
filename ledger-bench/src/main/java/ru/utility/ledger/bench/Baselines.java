package ru.utility.ledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/** What raw PostgreSQL does on this machine, measured in the same run as the ledger. */
final class Baselines {

    /** A payload about the size of a serialised PaymentRecorded. */
    private static final byte[] PAYLOAD = ("{\"accountId\":\"77-0001-2345\",\"paymentId\":\"SBP-20261105-000123\","
            + "\"amount\":\"1000.00\",\"channel\":\"MOBILE_APP\",\"receivedOn\":\"2026-11-05\",\"billingPeriod\":null}")
            .getBytes();
    private static final byte[] META = "{\"actor\":\"operator\",\"requestId\":\"1d6f0c5e-9b61-4a43\"}".getBytes();

    private final DataSource dataSource;
    private final BenchSettings settings;
    private final AtomicLong aggregates = new AtomicLong();

    Baselines(DataSource dataSource, BenchSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    void createTables() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE raw_event (
                        global_index BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        event_identifier VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number BIGINT NOT NULL,
                        type VARCHAR(255),
                        time_stamp VARCHAR(64) NOT NULL,
                        payload_type VARCHAR(255) NOT NULL,
                        payload_revision VARCHAR(255),
                        payload BYTEA NOT NULL,
                        meta_data BYTEA,
                        UNIQUE (aggregate_identifier, sequence_number))""");
            s.execute("CREATE TABLE raw_balance (account_id VARCHAR(32) PRIMARY KEY, balance BIGINT NOT NULL)");
            s.execute("""
                    CREATE TABLE raw_journal (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        account_id VARCHAR(32) NOT NULL, payment_id VARCHAR(64) NOT NULL UNIQUE,
                        amount BIGINT NOT NULL, recorded_at TIMESTAMPTZ NOT NULL DEFAULT now())""");
            s.execute("INSERT INTO raw_balance SELECT 'R-' || g, 0 FROM generate_series(1, "
                    + settings.accounts() + ") g");
        }
    }

    /** B1: single-row INSERT transactions into an event-shaped table. */
    LoadRunner.Result singleRowInserts() throws Exception {
        return LoadRunner.closedLoop(settings.threads(), settings.seconds(), (thread, i) -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement(insertSql(1))) {
                c.setAutoCommit(false);
                bind(ps, 0, "B1-" + aggregates.incrementAndGet(), 0);
                ps.executeUpdate();
                c.commit();
            }
        });
    }

    /** B2: multi-row INSERTs of 500 rows, one transaction each; returns rows as operations. */
    LoadRunner.Result multiRowInserts(int threads) throws Exception {
        int rows = 500;
        LoadRunner.Result batches = LoadRunner.closedLoop(threads, settings.seconds(), (thread, i) -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement(insertSql(rows))) {
                c.setAutoCommit(false);
                String aggregate = "B2-" + aggregates.incrementAndGet();
                for (int r = 0; r < rows; r++) {
                    bind(ps, r, aggregate, r);
                }
                ps.executeUpdate();
                c.commit();
            }
        });
        return new LoadRunner.Result(batches.operations() * rows, batches.seconds(), batches.latency());
    }

    /** B3: a plain SQL ledger: update a balance row and insert a journal row per payment, one transaction. */
    LoadRunner.Result plainSqlLedger() throws Exception {
        return LoadRunner.closedLoop(settings.threads(), settings.seconds(), (thread, i) -> {
            String account = "R-" + (1 + ThreadLocalRandom.current().nextInt(settings.accounts()));
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE raw_balance SET balance = balance - ? WHERE account_id = ?");
                     PreparedStatement insert = c.prepareStatement(
                             "INSERT INTO raw_journal (account_id, payment_id, amount) VALUES (?, ?, ?)")) {
                    update.setLong(1, 100_000);
                    update.setString(2, account);
                    update.executeUpdate();
                    insert.setString(1, account);
                    insert.setString(2, "B3-" + thread + "-" + i);
                    insert.setLong(3, 100_000);
                    insert.executeUpdate();
                }
                c.commit();
            }
        });
    }

    private static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO raw_event (event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) VALUES ");
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?)");
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement ps, int row, String aggregate, long sequence) throws Exception {
        int p = row * 9;
        ps.setString(p + 1, UUID.randomUUID().toString());
        ps.setString(p + 2, aggregate);
        ps.setLong(p + 3, sequence);
        ps.setString(p + 4, "Account");
        ps.setString(p + 5, "2026-11-25T09:00:00.000Z");
        ps.setString(p + 6, "ru.utility.ledger.core.api.account.PaymentRecorded");
        ps.setString(p + 7, "1");
        ps.setBytes(p + 8, PAYLOAD);
        ps.setBytes(p + 9, META);
    }
}
