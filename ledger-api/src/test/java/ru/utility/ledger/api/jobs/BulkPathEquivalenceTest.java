package ru.utility.ledger.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.utility.ledger.api.LedgerApplication;
import ru.utility.ledger.api.eventstore.EventHashChain;
import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.TestDates;
import ru.utility.ledger.api.support.Uploads;
import ru.utility.ledger.core.api.BillingPeriod;

/**
 * The same billing run and registry through the per-command path (each line a command on the command bus)
 * and through the bulk path (each line decided by the account in the chunk's unit of work), each on its own
 * application and database: the stored events, their metadata, the per-line outcomes and every projection
 * (balances, statements, overdue charges, the public feed) come out identical apart from event ids, job ids
 * and instants. The files mix good lines, repeats, conflicts, unknown and closed accounts, backdated charges,
 * payments that settle charges and payments that leave credit, in chunks smaller than the files.
 */
class BulkPathEquivalenceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CHUNK = 7;

    @TempDir
    Path temp;

    @Test
    void theBulkPathRecordsExactlyWhatThePerCommandPathRecords() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            accounts.add(Api.newAccountId());
        }
        String closed = Api.newAccountId();
        String unknown = Api.newAccountId();
        BillingPeriod period = BillingPeriod.of(TestDates.today().minusMonths(1));
        BillingPeriod earlier = BillingPeriod.of(TestDates.today().minusMonths(2));

        StringBuilder billing = new StringBuilder("accountId,period,amount,kWh,postedOn\n");
        for (int i = 0; i < accounts.size(); i++) {
            String account = accounts.get(i);
            billing.append(account).append(',').append(earlier).append(',').append(100 + i).append(".50,").append(10 + i)
                    .append(",\n");
            billing.append(account).append(',').append(period).append(',').append(200 + 3 * i).append(".25,,")
                    .append(i % 3 == 0 ? period.firstDay().plusDays(27).toString() : "").append('\n');
        }
        billing.append(accounts.get(0)).append(',').append(period).append(",203.25,,\n"); // conflict: other amount
        billing.append(accounts.get(1)).append(',').append(earlier).append(",101.50,11,\n"); // repeat
        billing.append(unknown).append(',').append(period).append(",10.00,,\n");
        billing.append(closed).append(',').append(period).append(",10.00,,\n");
        billing.append(accounts.get(2)).append(',').append(period).append(",12.345,,\n"); // bad amount

        String today = TestDates.today().toString();
        StringBuilder registry = new StringBuilder();
        int count = 0;
        long kopecks = 0;
        for (int i = 0; i < accounts.size(); i++) {
            String account = accounts.get(i);
            long amount = (i % 2 == 0 ? 150_00 : 500_00) + i * 7L;
            registry.append("EQ-").append(i).append("-1;").append(account).append(';').append(amount / 100).append(',')
                    .append(String.format("%02d", amount % 100)).append(';').append(today).append(";Payer\n");
            count++;
            kopecks += amount;
        }
        for (String[] line : List.of(new String[] {"EQ-0-1", accounts.get(0), "150.00"}, // repeat
                new String[] {"EQ-1-1", accounts.get(1), "1.00"}, // conflict
                new String[] {"EQ-X", unknown, "5.00"}, new String[] {"EQ-C", closed, "5.00"},
                new String[] {"EQ-3-2", accounts.get(3), "80.00"})) {
            registry.append(line[0]).append(';').append(line[1]).append(';').append(line[2]).append(';').append(today)
                    .append(";Payer\n");
            count++;
            kopecks += Math.round(Double.parseDouble(line[2]) * 100);
        }
        registry.append("=;").append(count).append(';').append(kopecks / 100).append(',')
                .append(String.format("%02d", kopecks % 100)).append('\n');

        Snapshot perCommand = run(false, accounts, closed, billing.toString(), registry.toString());
        Snapshot bulk = run(true, accounts, closed, billing.toString(), registry.toString());

        assertThat(perCommand.lines()).as("the per-line outcomes")
                .anyMatch(l -> l.contains(":DONE:")).anyMatch(l -> l.contains(":FAILED:UNKNOWN_ACCOUNT:"))
                .anyMatch(l -> l.contains(":FAILED:ACCOUNT_CLOSED:")).anyMatch(l -> l.contains(":FAILED:DUPLICATE:"))
                .anyMatch(l -> l.contains(":FAILED:IDEMPOTENCY_CONFLICT:")).anyMatch(l -> l.contains(":FAILED:BAD_AMOUNT:"));
        assertThat(bulk.lines()).isEqualTo(perCommand.lines());
        assertThat(bulk.events()).as("stored payloads and metadata").isEqualTo(perCommand.events());
        assertThat(perCommand.events()).anyMatch(e -> e.contains("PaymentAllocated"));
        assertThat(bulk.tables()).as("projections").isEqualTo(perCommand.tables());
    }

    record Snapshot(List<String> lines, List<String> events, Map<String, List<Map<String, Object>>> tables) {
    }

    private Snapshot run(boolean bulkDecisions, List<String> accounts, String closed, String billing, String registry)
            throws Exception {
        Path data = temp.resolve(bulkDecisions ? "bulk" : "per-command");
        try (ConfigurableApplicationContext app = start(data, bulkDecisions)) {
            Api api = new Api(port(app));
            for (String account : accounts) {
                open(api, account);
            }
            open(api, closed);
            assertThat(api.post("/api/v1/accounts/" + closed + "/closure", "operator", "{}").status()).isEqualTo(200);
            complete(app, api, "/api/v1/billing-runs", billing);
            complete(app, api, "/api/v1/payment-registries", registry);
            // The bulk path answers every refusal inside its chunk; the per-command path redoes such chunks.
            double redone = app.getBean(MeterRegistry.class).counter("ledger.jobs.chunks.redone").count();
            if (bulkDecisions) {
                assertThat(redone).as("chunks redone line by line").isZero();
            } else {
                assertThat(redone).as("chunks redone line by line").isPositive();
            }
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            List<String> lines = jdbc.query("""
                    SELECT l.line_no, l.status, l.error_code, l.error_reason, j.kind FROM bulk_job_line l
                      JOIN bulk_job j ON j.id = l.job_id ORDER BY j.created_at, l.line_no""",
                    (rs, n) -> rs.getInt(1) + ":" + rs.getString(2) + ":" + nullToEmpty(rs.getString(3))
                            + ":" + nullToEmpty(rs.getString(4)) + ":" + rs.getString(5));
            List<String> events = jdbc.query("""
                    SELECT aggregate_identifier, sequence_number, type, payload_type, payload_revision, payload, meta_data
                      FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number""",
                    (rs, n) -> rs.getString(1) + "#" + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4)
                            + "/" + rs.getString(5) + " " + withoutNonces(new String(rs.getBytes(6), StandardCharsets.UTF_8)) + " "
                            + metaData(rs.getBytes(7)));
            // Every projection has caught up with the last event before it is compared.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Api.Response status = api.get("/api/v1/admin/projections", "admin");
                assertThat(status.status()).as(status.toString()).isEqualTo(200);
                for (JsonNode projection : status.json().get("projections")) {
                    assertThat(projection.get("lagEvents").asLong()).as(projection.toString()).isZero();
                    assertThat(projection.get("position").asLong()).isEqualTo(projection.get("head").asLong());
                }
            });
            Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofMillis(500)).until(() -> {
                Map<String, List<Map<String, Object>>> read = readTables(jdbc);
                boolean stable = read.equals(tables);
                tables.clear();
                tables.putAll(read);
                return stable;
            });
            return new Snapshot(lines, events, tables);
        }
    }

    private static Map<String, List<Map<String, Object>>> readTables(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
        tables.put("account_balance", rows(jdbc, "account_balance", Set.of("last_event_at")));
        tables.put("statement_line", rows(jdbc, "statement_line", Set.of("recorded_at")));
        tables.put("overdue_charge", rows(jdbc, "overdue_charge", Set.of()));
        tables.put("overdue_account", rows(jdbc, "overdue_account", Set.of()));
        tables.put("feed_event", rows(jdbc, "feed_event", Set.of("position", "event_id", "recorded_at",
                "correlation_id")));
        return tables;
    }

    private static List<Map<String, Object>> rows(JdbcTemplate jdbc, String table, Set<String> ignored) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table)) {
            Map<String, Object> kept = new TreeMap<>(row);
            kept.keySet().removeAll(ignored);
            kept.replaceAll((column, value) -> column.equals("data") ? withoutIds(String.valueOf(value)) : value);
            rows.add(kept);
        }
        rows.sort(Comparator.comparing(Object::toString));
        return rows;
    }

    /**
     * A payload with each sealed personal value (docs/operating/data-protection.md) reduced to its key version: the nonce is
     * random per value and the data key per account, so two runs never store the same ciphertext; the balances
     * projection compared below holds the opened names.
     */
    private static String withoutNonces(String payload) {
        return payload.replaceAll("\\{\"keyVersion\":(\\d+),\"nonce\":\"[^\"]*\",\"ciphertext\":\"[^\"]*\"}",
                "{\"keyVersion\":$1,\"sealed\":true}");
    }

    /** A feed document without the event id and instant it repeats from its row. */
    private static String withoutIds(String data) {
        JsonNode json = JSON.readTree(data);
        if (json instanceof ObjectNode object) {
            object.remove(List.of("eventId", "recordedAt", "correlationId"));
        }
        return json.toString();
    }

    /**
     * Metadata without the hash (it covers the event id and instant), with the job's id and the generated
     * request ids (one per HTTP request, different in each run) replaced.
     */
    private static String metaData(byte[] stored) {
        Map<String, Object> values = new LinkedHashMap<>(new TreeMap<>(JSON.readValue(stored, Map.class)));
        assertThat(values).containsKey(EventHashChain.HASH_KEY);
        values.remove(EventHashChain.HASH_KEY);
        values.replaceAll((key, value) -> String.valueOf(value).startsWith("job:") ? "job:<id>"
                : String.valueOf(value).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                ? "<request id>" : value);
        return values.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void open(Api api, String account) {
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Equivalent", "regionCode": "77", "openedOn": "2026-01-10"}"""
                .formatted(account)).status()).isEqualTo(201);
    }

    private static void complete(ConfigurableApplicationContext app, Api api, String path, String file) throws Exception {
        var upload = Uploads.upload(port(app), path, file.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        Uploads.awaitCompleted(api, upload.headers().firstValue("Location").orElseThrow());
    }

    private static ConfigurableApplicationContext start(Path dataDirectory, boolean bulkDecisions) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0",
                "--ledger.embedded-postgres.data-directory=" + dataDirectory,
                "--ledger.embedded-postgres.durable=false",
                "--ledger.jobs.chunk-size=" + CHUNK,
                "--ledger.jobs.bulk-decisions=" + bulkDecisions,
                "--axon.eventhandling.processors.balances.token-claim-interval=200",
                "--axon.eventhandling.processors.feed.token-claim-interval=200",
                "--logging.level.org.axonframework=WARN");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
