package ru.utility.ledger.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.ops.projections.ProjectionCatalog;
import ru.utility.ledger.api.ops.projections.ProjectionDefinition;
import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerNode;

/**
 * Switching a filled database to the shared layout and back (docs/operating/running.md): the shared processor starts
 * from the first event with tokens of its own, and the guards let no event be applied twice, so every row stays as
 * it was; back in the default layout the old processors go on from their own tokens.
 */
class SharedProcessorSwitchTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> FOUR = List.of("balances", "statements", "overdue", "relief-statistics");

    @Test
    void switchingLayoutsAppliesNoEventTwice() throws IOException {
        Path dataDirectory = Files.createTempDirectory("ledger-shared-switch-").resolve("postgres");
        String account = Api.newAccountId();
        Map<String, List<String>> before;
        try (LedgerNode node = LedgerNode.start("switch-default", dataDirectory,
                "--ledger.projections.shared-processor=")) {
            Api api = node.api();
            ok(api.post("/api/v1/accounts", "operator", """
                    {"accountId": "%s", "holderName": "Switch", "regionCode": "87", "openedOn": "2025-01-01"}"""
                    .formatted(account)));
            ok(api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                    {"chargeId": "C1", "billingPeriod": "2025-01", "amount": "1000.00"}"""));
            ok(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                    {"paymentId": "P1", "amount": "400.00", "channel": "CASH_OFFICE", "receivedOn": "2025-03-01"}"""));
            awaitCaughtUp(api);
            before = rows(node);
        }
        try (LedgerNode node = LedgerNode.start("switch-shared", dataDirectory,
                "--ledger.projections.shared-processor=read-models")) {
            Api api = node.api();
            awaitCaughtUp(api);
            assertThat(rows(node)).isEqualTo(before);
            ok(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                    {"paymentId": "P2", "amount": "100.00", "channel": "CASH_OFFICE", "receivedOn": "2025-04-01"}"""));
            awaitBalance(api, account, "500.00");
        }
        try (LedgerNode node = LedgerNode.start("switch-back", dataDirectory,
                "--ledger.projections.shared-processor=")) {
            Api api = node.api();
            awaitCaughtUp(api);
            awaitBalance(api, account, "500.00");
            assertThat(ok(api.get("/api/v1/accounts/" + account + "/statement?from=2025-01-01&to=2099-12-31",
                    "finance")).get("movements")).hasSize(3);
        }
    }

    private static Map<String, List<String>> rows(LedgerNode node) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (ProjectionDefinition projection : node.bean(ProjectionCatalog.class).all()) {
            if (FOUR.contains(projection.name())) {
                for (ProjectionDefinition.Table table : projection.tables()) {
                    rows.put(table.name(), node.jdbc().queryForList("SELECT t::text FROM " + table.name() + " t ORDER BY "
                            + String.join(", ", table.keyColumns()), String.class));
                }
            }
        }
        return rows;
    }

    private static void awaitCaughtUp(Api api) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (JsonNode projection : ok(api.get("/api/v1/admin/projections", "admin")).get("projections")) {
                assertThat(projection.get("position").isNull()).as(projection.toString()).isFalse();
                assertThat(projection.get("lagEvents").asLong()).as(projection.toString()).isZero();
            }
        });
    }

    private static void awaitBalance(Api api, String account, String expected) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                ok(api.get("/api/v1/accounts/" + account + "/balance", "finance")).get("balance").asString())
                .isEqualTo(expected));
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }
}
