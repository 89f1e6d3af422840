package ru.utility.ledger.api.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.eventstore.EventHashChain;
import ru.utility.ledger.api.eventstore.MerkleTree;
import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.TestDates;

/**
 * Anchors end to end: an anchor taken through the API covers the account's chain head, is published on the
 * feed with its Merkle root and can be exported; deleting the account's newest event afterwards (as someone
 * with write access to the database could) is reported by the verification against that anchor as a truncated
 * stream, and a head table doctored to hide it no longer gives the anchor's root.
 */
@LedgerIntegrationTest
class AnchoredChainsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ChainAnchoring anchoring;
    @Autowired
    ChainAnchorSchedule schedule;

    @Test
    void anAnchorIsPublishedExportedAndDetectsATruncatedStream() {
        Api api = new Api(port);
        String account = Api.newAccountId();
        String period = TestDates.currentPeriod().toString();
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Anchored", "regionCode": "77"}""".formatted(account)).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                {"chargeId": "C1", "billingPeriod": "%s", "amount": "100.00"}""".formatted(period)).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                {"paymentId": "P1", "amount": "30.00", "channel": "BANK_REGISTRY"}""").status()).isEqualTo(201);
        long head = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry"
                + " WHERE aggregate_identifier = ?", Long.class, account);
        String headHash = EventHashChain.storedHash(jdbc.queryForObject("SELECT meta_data FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = ?", byte[].class, account, head));

        assertThat(api.post("/api/v1/anchors", "operator", null).status()).isEqualTo(403);
        Api.Response taken = api.post("/api/v1/anchors", "admin", null);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        long number = taken.json().get("number").asLong();
        String root = taken.json().get("merkleRoot").asString();
        assertThat(root).matches("[0-9a-f]{64}");

        // Listed, and exported with the account's head: the stream's newest event and its chain hash.
        List<Long> listed = api.get("/api/v1/anchors", "auditor").json().get("anchors").valueStream()
                .map(a -> a.get("number").asLong()).toList();
        assertThat(listed).contains(number);
        JsonNode export = api.get("/api/v1/anchors/" + number, "auditor").json();
        assertThat(export.get("anchor").get("merkleRoot").asString()).isEqualTo(root);
        JsonNode mine = export.get("heads").valueStream().filter(h -> h.get("stream").asString().equals(account))
                .findFirst().orElseThrow();
        assertThat(mine.get("sequence").asLong()).isEqualTo(head);
        assertThat(mine.get("hash").asString()).isEqualTo(headHash);
        assertThat(export.get("heads").size()).isEqualTo(export.get("anchor").get("chains").asInt());

        // On the feed, for consumers to keep outside this database.
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/feed?types=ChainsAnchored&limit=1000",
                "integration").json().get("events").valueStream()
                .anyMatch(e -> e.get("data").get("merkleRoot").asString().equals(root)
                        && e.get("data").get("number").asLong() == number));

        JsonNode intact = api.get("/api/v1/anchors/verification?number=" + number, "auditor").json();
        assertThat(intact.get("rootMatches").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("findings").valueStream().map(f -> f.get("stream").asString()))
                .doesNotContain(account);

        // Someone with write access deletes the account's newest event (the payment) straight from the table.
        // Inside a transaction that is rolled back, so nothing outside this test ever sees the damage.
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
            assertThat(jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?"
                    + " AND sequence_number = ?", account, head)).isEqualTo(1);
            ChainAnchoring.Verification truncated = anchoring.verify(anchoring.anchor(number).orElseThrow());
            assertThat(truncated.valid()).isFalse();
            assertThat(truncated.rootMatches()).isTrue();
            assertThat(truncated.findings()).filteredOn(f -> f.stream().equals(account))
                    .containsExactly(new ChainAnchoring.Finding(account, "TRUNCATED", head, head - 1));

            // Doctoring the head table to match the truncated stream breaks the anchor's root instead.
            jdbc.update("UPDATE chain_anchor_head SET sequence_number = ?, hash = ? WHERE anchor_number = ?"
                    + " AND aggregate_identifier = ?", head - 1, EventHashChain.storedHash(jdbc.queryForObject(
                    "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                    byte[].class, account, head - 1)), number, account);
            ChainAnchoring.Verification doctored = anchoring.verify(anchoring.anchor(number).orElseThrow());
            assertThat(doctored.findings()).noneMatch(f -> f.stream().equals(account));
            assertThat(doctored.rootMatches()).isFalse();
            assertThat(doctored.valid()).isFalse();
            tx.setRollbackOnly();
        });
        JsonNode restored = api.get("/api/v1/anchors/verification?number=" + number, "auditor").json();
        assertThat(restored.get("rootMatches").asBoolean()).as(restored.toString()).isTrue();

        // The schedule anchors only when events were stored after the last anchor.
        schedule.anchorIfDue();
        assertThat(anchoring.latest().orElseThrow().number()).isEqualTo(number);
        assertThat(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                {"paymentId": "P2", "amount": "10.00", "channel": "BANK_REGISTRY"}""").status()).isEqualTo(201);
        schedule.anchorIfDue();
        ChainAnchoring.Anchor next = anchoring.latest().orElseThrow();
        assertThat(next.number()).isEqualTo(number + 1);
        long newHead = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry"
                + " WHERE aggregate_identifier = ?", Long.class, account);
        assertThat(newHead).isGreaterThan(head);
        assertThat(anchoring.heads(next.number())).contains(new MerkleTree.Head(account, newHead,
                EventHashChain.storedHash(jdbc.queryForObject("SELECT meta_data FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = ?", byte[].class, account, newHead))));
        assertThat(anchoring.verify(next).rootMatches()).isTrue();

        Api.Response unknown = api.get("/api/v1/anchors/999999999", "auditor");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("UNKNOWN_ANCHOR");
        Api.Response bad = api.get("/api/v1/anchors/abc", "auditor");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }
}
