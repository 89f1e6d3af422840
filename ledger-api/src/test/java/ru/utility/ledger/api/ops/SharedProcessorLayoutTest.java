package ru.utility.ledger.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.ops.projections.ProjectionCatalog;
import ru.utility.ledger.api.ops.projections.ProjectionDefinition;
import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerNode;
import ru.utility.ledger.projections.overdue.OverdueProjection;
import ru.utility.ledger.projections.relief.ReliefStatisticsProjection;
import ru.utility.ledger.projections.statement.StatementProjection;

/**
 * The opt-in shared layout ({@code ledger.projections.shared-processor=read-models}): one pooled processor runs the
 * balances, statements, overdue and relief statistics projections, the read models fill through the API, the admin
 * status answers per projection from that processor's tokens, and replaying one projection replays the processor,
 * rebuilding all four to the same rows, while a second request for one of them is refused.
 *
 * <p>A node of its own on its own database, not the suite's shared context: a context in the default layout on
 * the same database would run its own balances, statements... processors beside this one's, so neither the token
 * table nor the replay would show this layout alone.
 */
class SharedProcessorLayoutTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SHARED = "read-models";
    private static final List<String> FOUR = List.of("balances", "statements", "overdue", "relief-statistics");

    private static LedgerNode node;

    @BeforeAll
    static void start() throws IOException {
        Path dataDirectory = Files.createTempDirectory("ledger-shared-processor-").resolve("postgres");
        node = LedgerNode.start("shared-layout", dataDirectory, "--ledger.projections.shared-processor=" + SHARED);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void oneProcessorRunsTheFourProjectionsAndAReplayOfOneRebuildsThemAll() throws Exception {
        EventProcessingConfiguration processing = node.bean(EventProcessingConfiguration.class);
        assertThat(processing.eventProcessors().keySet()).contains(SHARED, "feed", "programme-moratoria")
                .doesNotContainAnyElementsOf(FOUR);
        for (String group : FOUR) {
            assertThat(processing.eventProcessorByProcessingGroup(group)).as(group)
                    .containsSame(processing.eventProcessor(SHARED).orElseThrow())
                    .containsInstanceOf(PooledStreamingEventProcessor.class);
        }

        Api api = node.api();
        String account = Api.newAccountId();
        ok(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Shared", "regionCode": "86", "openedOn": "2025-01-01"}"""
                .formatted(account)));
        ok(api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                {"chargeId": "C1", "billingPeriod": "2025-01", "amount": "1000.00"}"""));
        ok(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                {"paymentId": "P1", "amount": "400.00", "channel": "CASH_OFFICE", "receivedOn": "2025-03-01"}"""));
        String blocker = Api.newAccountId();
        ok(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Blocker", "regionCode": "86", "openedOn": "2025-01-01"}"""
                .formatted(blocker)));
        awaitReadModels(api, account);
        awaitCaughtUp(api);

        // One token per segment of the shared processor; none under the four groups' names.
        List<String> tokenNames = node.jdbc().queryForList(
                "SELECT DISTINCT processor_name FROM token_entry ORDER BY 1", String.class);
        assertThat(tokenNames).contains(SHARED, "feed", "programme-moratoria").doesNotContainAnyElementsOf(FOUR);
        assertThat(node.jdbc().queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?",
                Integer.class, SHARED)).isEqualTo(4);

        // Status and lag per projection, from the shared processor's tokens.
        for (String group : FOUR) {
            JsonNode status = projection(api, group);
            assertThat(status.get("processor").asString()).as(status.toString()).isEqualTo(SHARED);
            assertThat(strings(status.get("sharedWith"))).containsExactlyElementsOf(
                    FOUR.stream().filter(g -> !g.equals(group)).toList());
            assertThat(status.get("state").asString()).isEqualTo("RUNNING");
            assertThat(status.get("storedSegments").asInt()).isEqualTo(4);
            assertThat(status.get("lagEvents").asLong()).isZero();
        }
        JsonNode moratoria = projection(api, "programme-moratoria");
        assertThat(moratoria.get("processor").asString()).isEqualTo("programme-moratoria");
        assertThat(moratoria.get("sharedWith")).isEmpty();
        assertThat(api.get("/actuator/prometheus", "admin").body())
                .contains("ledger_projection_lag_events{", "processor=\"overdue\"");
        JsonNode health = api.get("/actuator/health/node", "admin").json();
        assertThat(strings(health.get("components").get("eventProcessors").get("details").get(SHARED)
                .get("processingGroups"))).containsExactlyElementsOf(FOUR);

        Map<String, List<String>> before = rowsOfTheFour(blocker);
        assertThat(before).containsKeys("account_balance", StatementProjection.TABLE, OverdueProjection.ACCOUNT_TABLE,
                ReliefStatisticsProjection.ACCOUNT_TABLE);

        // An open transaction with an id holds every reader before the blocker's payment, committed after it
        // (LateCommitSafeReads): the replay cannot reach the head it was asked for until the transaction ends.
        DataSource dataSource = node.bean(DataSource.class);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("SELECT pg_current_xact_id()");
            }
            ok(api.post("/api/v1/accounts/" + blocker + "/payments", "operator", """
                    {"paymentId": "PB", "amount": "10.00", "channel": "CASH_OFFICE", "receivedOn": "2025-03-01"}"""));

            Api.Response started = api.post("/api/v1/admin/projections/overdue/replay", "admin", null);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            assertThat(started.json().get("processor").asString()).isEqualTo(SHARED);
            assertThat(strings(started.json().get("sharedWith")))
                    .containsExactly("balances", "statements", "relief-statistics");

            Api.Response second = api.post("/api/v1/admin/projections/balances/replay", "admin", null);
            assertThat(second.status()).as(second.toString()).isEqualTo(409);
            assertThat(second.json().get("code").asString()).isEqualTo("REPLAY_REFUSED");
            assertThat(second.json().get("detail").asString()).contains(SHARED, "overdue");
            for (String group : FOUR) {
                JsonNode status = projection(api, group);
                assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("REPLAYING");
                assertThat(status.get("replay").get("startedAt").asString())
                        .isEqualTo(started.json().get("replay").get("startedAt").asString());
            }
            holder.rollback();
        }

        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String group : FOUR) {
                JsonNode status = projection(api, group);
                assertThat(status.get("replay").get("finished").asBoolean()).as(status.toString()).isTrue();
                assertThat(status.get("lagEvents").asLong()).isZero();
                assertThat(status.get("state").asString()).isEqualTo("RUNNING");
            }
        });
        assertThat(rowsOfTheFour(blocker)).isEqualTo(before);
        JsonNode check = ok(api.post("/api/v1/admin/projections/replay-check", "admin", null));
        assertThat(check.get("equal").asBoolean()).as(check.toString()).isTrue();
        awaitReadModels(api, account);
        // The payment held back during the replay is applied once it settles.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(ok(api.get(
                "/api/v1/accounts/" + blocker + "/statement?from=2025-01-01&to=2099-12-31", "finance"))
                .get("movements")).hasSize(1));
    }

    /** Balance, statement and overdue of the account, and its relief statistics row. */
    private static void awaitReadModels(Api api, String account) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode balance = ok(api.get("/api/v1/accounts/" + account + "/balance", "finance"));
            assertThat(balance.get("balance").asString()).isEqualTo("600.00");
            JsonNode statement = ok(api.get("/api/v1/accounts/" + account
                    + "/statement?from=2025-01-01&to=2099-12-31", "finance"));
            assertThat(statement.get("movements")).hasSize(2);
            JsonNode overdue = ok(api.get("/api/v1/overdue?region=86", "finance"));
            JsonNode row = null;
            for (JsonNode candidate : overdue.get("accounts")) {
                if (candidate.get("accountId").asString().equals(account)) {
                    row = candidate;
                }
            }
            assertThat(row).as(overdue.toString()).isNotNull();
            assertThat(row.get("overdueAmount").asString()).isEqualTo("600.00");
            assertThat(node.jdbc().queryForObject("SELECT count(*) FROM " + ReliefStatisticsProjection.ACCOUNT_TABLE
                    + " WHERE account_id = ?", Integer.class, account)).isEqualTo(1);
        });
    }

    private static void awaitCaughtUp(Api api) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (JsonNode projection : ok(api.get("/api/v1/admin/projections", "admin")).get("projections")) {
                assertThat(projection.get("lagEvents").asLong()).as(projection.toString()).isZero();
            }
        });
    }

    /** Every row of the four projections' tables, as text in key order, but the blocker account's. */
    private static Map<String, List<String>> rowsOfTheFour(String blocker) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (ProjectionDefinition projection : node.bean(ProjectionCatalog.class).all()) {
            if (!FOUR.contains(projection.name())) {
                continue;
            }
            for (ProjectionDefinition.Table table : projection.tables()) {
                rows.put(table.name(), node.jdbc().queryForList("SELECT t::text FROM " + table.name() + " t"
                        + " WHERE (to_jsonb(t) ->> 'account_id') IS DISTINCT FROM ? ORDER BY "
                        + String.join(", ", table.keyColumns()), String.class, blocker));
            }
        }
        // Tables this workload leaves empty (programmes, plans...) are left out; the caller names those it fills.
        rows.entrySet().removeIf(e -> e.getValue().isEmpty());
        return rows;
    }

    private static JsonNode projection(Api api, String name) {
        for (JsonNode projection : ok(api.get("/api/v1/admin/projections", "admin")).get("projections")) {
            if (projection.get("name").asString().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + name);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 202);
        return response.json();
    }
}
