package ru.utility.ledger.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerNode;

/**
 * Operations across two nodes (two application contexts) on one PostgreSQL: a replay asked of one node stops,
 * resets and restarts the projection on both, with its progress visible from either; health tells a node's own
 * failure (its processor stopped: node DOWN, cluster UP as the other node takes the segments) from the
 * cluster's (a peer killed: its segments orphaned, cluster DEGRADED on the survivor whose own health and
 * overall health stay UP, until the survivor takes them over).
 */
class TwoNodeOperationsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aReplayAskedOfOneNodeRunsOnBothAndHealthTellsTheNodeFromTheCluster() throws IOException {
        Path dataDirectory = Files.createTempDirectory("ledger-two-node-ops-").resolve("postgres");
        LedgerNode a = LedgerNode.start("ops-a", dataDirectory);
        LedgerNode b = LedgerNode.start("ops-b", dataDirectory);
        try {
            Api viaA = a.api();
            Api viaB = b.api();
            String period = YearMonth.now(a.bean(Clock.class).withZone(ZoneId.of("Europe/Moscow"))).toString();
            for (int i = 1; i <= 4; i++) {
                String account = "OPS-%04d".formatted(i);
                Api api = i % 2 == 0 ? viaA : viaB;
                assertThat(api.post("/api/v1/accounts", "operator", """
                        {"accountId": "%s", "holderName": "Ops", "regionCode": "77"}""".formatted(account))
                        .status()).isEqualTo(201);
                assertThat(api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                        {"chargeId": "C1", "billingPeriod": "%s", "amount": "100.00"}""".formatted(period))
                        .status()).isEqualTo(201);
                assertThat(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                        {"paymentId": "P1", "amount": "30.00", "channel": "BANK_REGISTRY"}""").status())
                        .isEqualTo(201);
            }
            awaitBalance(viaA, "OPS-0004", "70.00");
            assertThat(health(viaA, "node").get("status").asString()).isEqualTo("UP");
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode cluster = health(viaB, "cluster");
                assertThat(cluster.get("status").asString()).as(cluster.toString()).isEqualTo("UP");
                assertThat(details(cluster).get("nodes").get("ops-a").get("alive").asBoolean()).isTrue();
                assertThat(details(cluster).get("nodes").get("ops-b").get("alive").asBoolean()).isTrue();
            });

            // A replay asked of B: both nodes stop, one resets, both restart; either node shows the progress.
            Api.Response started = viaB.post("/api/v1/admin/projections/balances/replay", "admin", null);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            assertThat(started.json().get("replay").get("requestedBy").asString()).isEqualTo("ops-b");
            assertThat(started.json().get("replay").get("total").asLong()).isPositive();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                JsonNode balances = projection(viaA, "balances");
                JsonNode replay = balances.get("replay");
                assertThat(replay.get("requestedBy").asString()).isEqualTo("ops-b");
                assertThat(replay.get("finished").asBoolean()).as(balances.toString()).isTrue();
                assertThat(replay.get("state").asString()).isEqualTo("FINISHED");
                assertThat(replay.get("processed").asLong()).isEqualTo(replay.get("total").asLong());
                assertThat(replay.get("resetBy").isNull()).isFalse();
                assertThat(balances.get("position").asLong()).isEqualTo(balances.get("head").asLong());
            });
            JsonNode seenFromB = projection(viaB, "balances");
            assertThat(seenFromB.get("replay").get("finished").asBoolean()).as(seenFromB.toString()).isTrue();
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(projection(viaA, "balances").get("state").asString()).isEqualTo("RUNNING");
                assertThat(projection(viaB, "balances").get("state").asString()).isEqualTo("RUNNING");
            });
            for (int i = 1; i <= 4; i++) {
                awaitBalance(i % 2 == 0 ? viaB : viaA, "OPS-%04d".formatted(i), "70.00");
            }
            assertThat(a.jdbc().queryForObject("SELECT count(*) FROM projection_replay WHERE state <> 'FINISHED'",
                    Integer.class)).isZero();

            // A node's own failure: its balances processor stops. Its node health goes DOWN; the cluster stays
            // UP once the other node has claimed the released segments.
            // The processor that runs the balances (its own, or in the shared layout one with three others).
            String balancesProcessor = a.bean(ProjectionProcessors.class).processorOf("balances");
            StreamingEventProcessor balancesOnA = a.bean(EventProcessingConfiguration.class)
                    .eventProcessor(balancesProcessor, StreamingEventProcessor.class).orElseThrow();
            balancesOnA.shutDown();
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode node = health(viaA, "node");
                assertThat(node.get("status").asString()).as(node.toString()).isEqualTo("DOWN");
                JsonNode cluster = health(viaA, "cluster");
                assertThat(cluster.get("status").asString()).as(cluster.toString()).isEqualTo("UP");
                assertThat(details(cluster).get("processors").get(balancesProcessor).get("owners")
                        .propertyNames()).containsExactly("ops-b");
            });
            assertThat(health(viaB, "node").get("status").asString()).isEqualTo("UP");
            balancesOnA.start();
            await().atMost(WAIT).until(() -> health(viaA, "node").get("status").asString().equals("UP"));

            // The cluster's failure: B (holding the balances segments) is killed. On A, its own health stays UP;
            // the cluster is DEGRADED (503 on its group, 200 overall) while B's segments await takeover, and UP
            // again once A has taken them over.
            b.kill();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                Api.Response response = viaA.get("/actuator/health/cluster", "admin");
                assertThat(response.status()).as(response.toString()).isEqualTo(503);
                JsonNode cluster = response.json();
                assertThat(cluster.get("status").asString()).as(cluster.toString()).isEqualTo("DEGRADED");
                assertThat(details(cluster).get("nodes").get("ops-b").get("alive").asBoolean()).isFalse();
                assertThat(details(cluster).get("processors").get(balancesProcessor).get("orphanedSegments").size())
                        .isPositive();
            });
            assertThat(health(viaA, "node").get("status").asString()).isEqualTo("UP");
            assertThat(viaA.get("/actuator/health", "admin").status()).isEqualTo(200);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                JsonNode cluster = health(viaA, "cluster");
                assertThat(cluster.get("status").asString()).as(cluster.toString()).isEqualTo("UP");
            });
            assertThat(viaA.post("/api/v1/accounts/OPS-0001/payments", "operator", """
                    {"paymentId": "P2", "amount": "20.00", "channel": "BANK_REGISTRY"}""").status()).isEqualTo(201);
            awaitBalance(viaA, "OPS-0001", "50.00");

            // With B gone, A's balances processor stops too: nobody can take its segments over. The cluster is
            // DEGRADED until the claim timeout and node timeout have passed, then STALLED.
            balancesOnA.shutDown();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                JsonNode cluster = health(viaA, "cluster");
                assertThat(cluster.get("status").asString()).as(cluster.toString()).isEqualTo("STALLED");
                assertThat(details(cluster).get("processors").get(balancesProcessor).get("notTakenOverSegments").size())
                        .isPositive();
            });
            assertThat(viaA.get("/actuator/health/cluster", "admin").status()).isEqualTo(503);
            // Here A's own processor is stopped too, so its node health is DOWN as well.
            assertThat(health(viaA, "node").get("status").asString()).isEqualTo("DOWN");
            balancesOnA.start();
            await().atMost(WAIT).until(() -> health(viaA, "cluster").get("status").asString().equals("UP"));
        } finally {
            a.close();
            b.close();
            ru.utility.ledger.api.config.EmbeddedPostgresAccess.stop(dataDirectory);
        }
    }

    private static JsonNode health(Api api, String group) {
        Api.Response response = api.get("/actuator/health/" + group, "admin");
        assertThat(response.status()).as(response.toString()).isIn(200, 503);
        return response.json();
    }

    private static JsonNode details(JsonNode clusterHealth) {
        return clusterHealth.get("components").get("clusterProcessors").get("details");
    }

    private static JsonNode projection(Api api, String name) {
        for (JsonNode projection : api.get("/api/v1/admin/projections", "admin").json().get("projections")) {
            if (projection.get("name").asString().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + name);
    }

    private static void awaitBalance(Api api, String account, String balance) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Response response = api.get("/api/v1/accounts/" + account + "/balance", "finance");
            return response.status() == 200 && response.json().get("balance").asString().equals(balance);
        });
    }
}
