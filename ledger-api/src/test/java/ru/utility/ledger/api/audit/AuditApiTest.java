package ru.utility.ledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.api.eventstore.IntegrityReport;
import ru.utility.ledger.api.eventstore.StoredEvents;
import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.core.api.AccountId;

/** History, export, integrity and as-of balances through the REST API. */
@LedgerIntegrationTest
class AuditApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    StoredEvents storedEvents;
    @Autowired
    java.time.Clock clock;
    Api api;
    String account;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        account = Api.newAccountId();
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Auditova", "regionCode": "77", "openedOn": "2026-01-15"}"""
                .formatted(account)).status()).isEqualTo(201);
        assertThat(api.send("POST", "/api/v1/accounts/" + account + "/payments", "operator", """
                {"paymentId": "PAY-1", "amount": "1000.00", "channel": "MOBILE_APP", "receivedOn": "2026-11-05"}""",
                "req-audit-1").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                {"billingPeriod": "2026-10", "amount": "1234.50"}""").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/accounts/" + account + "/payments/PAY-1/reversal", "operator", """
                {"reason": "Bank recall", "reversedOn": "2026-11-20"}""").status()).isEqualTo(201);
    }

    @Test
    void historyShowsEveryEventWithItsMetadataAndPages() {
        Api.Response all = api.get("/api/v1/accounts/" + account + "/events", "auditor");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        JsonNode events = all.json().get("events");
        // The charge is settled from the earlier payment's credit, and the reversal releases that allocation.
        assertThat(events).hasSize(6);
        assertThat(all.json().get("nextFromSequence").isNull()).isTrue();
        List<String> types = events.valueStream().map(e -> e.get("type").asString()).toList();
        assertThat(types).containsExactly("AccountOpened", "PaymentRecorded", "ChargePosted", "PaymentAllocated",
                "PaymentReversed", "PaymentAllocationReleased");
        JsonNode payment = events.get(1);
        assertThat(payment.get("sequence").asLong()).isEqualTo(1);
        assertThat(payment.get("revision").asString()).isEqualTo("1");
        assertThat(payment.get("payload").get("amount").asString()).isEqualTo("1000.00");
        assertThat(payment.get("actor").asString()).isEqualTo("operator");
        assertThat(payment.get("requestId").asString()).isEqualTo("req-audit-1");
        assertThat(payment.get("correlationId").asString()).isEqualTo("req-audit-1");
        assertThat(payment.get("hash").asString()).hasSize(64);
        assertThat(Instant.parse(payment.get("recordedAt").asString())).isBefore(clock.instant().plusSeconds(1));

        Api.Response first = api.get("/api/v1/accounts/" + account + "/events?limit=3", "auditor");
        assertThat(first.json().get("events")).hasSize(3);
        assertThat(first.json().get("nextFromSequence").asLong()).isEqualTo(3);
        Api.Response second = api.get("/api/v1/accounts/" + account + "/events?limit=3&fromSequence=3", "auditor");
        assertThat(second.json().get("events")).hasSize(3);
        assertThat(second.json().get("nextFromSequence").isNull()).isTrue();
        assertThat(second.json().get("events").get(1).get("type").asString()).isEqualTo("PaymentReversed");
    }

    @Test
    void exportIsOneJsonObjectPerLine() {
        Api.Response export = api.get("/api/v1/accounts/" + account + "/events/export", "auditor");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSize(6);
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(lines.get(2)).get("payload").get("amount").asString()).isEqualTo("1234.50");
        assertThat(json.readTree(lines.get(3)).get("sequence").asLong()).isEqualTo(3);
    }

    @Test
    void integrityHoldsAndCatchesAnEventAlteredInTheDatabase() {
        Api.Response intact = api.get("/api/v1/accounts/" + account + "/integrity", "auditor");
        assertThat(intact.status()).as(intact.toString()).isEqualTo(200);
        assertThat(intact.json().get("valid").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.json().get("checked").asLong()).isEqualTo(6);
        assertThat(intact.json().get("headHash").asString()).hasSize(64);

        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 1", byte[].class, account);
        try {
            rewritePayload(new String(original, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"1000.00\"", "\"10.00\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));

            Api.Response broken = api.get("/api/v1/accounts/" + account + "/integrity", "auditor");
            assertThat(broken.json().get("valid").asBoolean()).as(broken.toString()).isFalse();
            JsonNode link = broken.json().get("firstBroken");
            assertThat(link.get("sequence").asLong()).isEqualTo(1);
            assertThat(link.get("reason").asString()).contains("does not match");
            assertThat(link.get("expectedHash").asString()).isNotEqualTo(link.get("storedHash").asString());
        } finally {
            rewritePayload(original);
        }
        assertThat(api.get("/api/v1/accounts/" + account + "/integrity", "auditor").json().get("valid").asBoolean())
                .isTrue();
        // The trigger is back: the table is append-only again.
        String outcome = transactions.execute(tx -> {
            try {
                jdbc.update("UPDATE domain_event_entry SET type = 'X' WHERE aggregate_identifier = ?", account);
                return "updated";
            } catch (RuntimeException e) {
                tx.setRollbackOnly();
                return e.getMessage();
            }
        });
        assertThat(outcome).contains("append-only");
    }

    @Test
    void integrityNamesAMissingEventAndAStrippedHash() {
        // Inside a transaction that is rolled back, so nothing outside this test ever sees the damage.
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
            jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2", account);
            IntegrityReport missing = storedEvents.verify(AccountId.of(account));
            assertThat(missing.valid()).isFalse();
            assertThat(missing.firstBroken().sequence()).isEqualTo(3);
            assertThat(missing.firstBroken().reason()).contains("missing");
            tx.setRollbackOnly();
        });
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
            jdbc.update("UPDATE domain_event_entry SET meta_data = convert_to('{\"actor\":\"operator\"}', 'UTF8') "
                    + "WHERE aggregate_identifier = ? AND sequence_number = 3", account);
            IntegrityReport stripped = storedEvents.verify(AccountId.of(account));
            assertThat(stripped.firstBroken().sequence()).isEqualTo(3);
            assertThat(stripped.firstBroken().reason()).contains("no hash");
            tx.setRollbackOnly();
        });
        assertThat(storedEvents.verify(AccountId.of(account)).valid()).isTrue();
    }

    @Test
    void asOfBalanceFollowsBusinessDateAndWhatTheLedgerKnew() {
        JsonNode events = api.get("/api/v1/accounts/" + account + "/events", "auditor").json().get("events");
        Instant chargeRecorded = Instant.parse(events.get(2).get("recordedAt").asString());
        Instant reversalRecorded = Instant.parse(events.get(4).get("recordedAt").asString());

        // 10 November: the payment (5 Nov) counts, the charge (posted today) and the reversal (20 Nov) do not.
        JsonNode early = balance("?asOf=2026-11-10");
        assertThat(early.get("balance").asString()).isEqualTo("-1000.00");
        assertThat(early.get("status").asString()).isEqualTo("OPEN");
        assertThat(early.get("source").asString()).isEqualTo("event-store");

        JsonNode now = balance("?asOf=2099-12-31");
        assertThat(now.get("balance").asString()).isEqualTo("1234.50");
        assertThat(now.get("totalCharged").asString()).isEqualTo("1234.50");
        assertThat(now.get("totalReversed").asString()).isEqualTo("1000.00");
        assertThat(now.get("eventsCounted").asInt()).isEqualTo(6);

        // As known just before the reversal was recorded, the payment still stood.
        if (reversalRecorded.isAfter(chargeRecorded)) {
            JsonNode known = balance("?asOf=2099-12-31&knownAt=" + reversalRecorded.minusNanos(1000));
            assertThat(known.get("balance").asString()).isEqualTo("234.50");
            assertThat(known.get("lastSequence").asLong()).isEqualTo(3);
        }
        // Before the account opened there is nothing.
        JsonNode before = balance("?asOf=2026-01-01");
        assertThat(before.get("balance").asString()).isEqualTo("0.00");
        assertThat(before.has("status") && !before.get("status").isNull()).isFalse();

        // Without asOf the balances projection answers, as before: as of the last event that moved money
        // (the reversal; releasing its allocation does not change the balance). The projection may not have the
        // account yet (a 404 problem), so the path is read leniently while awaiting.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/api/v1/accounts/" + account + "/balance", "finance").json().path("asOf").path("sequence")
                        .asLong()).isEqualTo(4));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Api.Response badDate = api.get("/api/v1/accounts/" + account + "/balance?asOf=2026-13-01", "auditor");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
        Api.Response badInstant = api.get("/api/v1/accounts/" + account + "/balance?asOf=2026-11-01&knownAt=yesterday",
                "auditor");
        assertThat(badInstant.status()).isEqualTo(400);
        assertThat(badInstant.json().get("errors").get(0).get("field").asString()).isEqualTo("knownAt");
        Api.Response noAsOf = api.get("/api/v1/accounts/" + account + "/balance?knownAt=2026-11-01T00:00:00Z", "auditor");
        assertThat(noAsOf.status()).isEqualTo(400);
        assertThat(noAsOf.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
        Api.Response badLimit = api.get("/api/v1/accounts/" + account + "/events?limit=0", "auditor");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
        Api.Response badFrom = api.get("/api/v1/accounts/" + account + "/events?fromSequence=x", "auditor");
        assertThat(badFrom.json().get("errors").get(0).get("field").asString()).isEqualTo("fromSequence");
        String unknown = Api.newAccountId();
        assertThat(api.get("/api/v1/accounts/" + unknown + "/events", "auditor").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + unknown + "/integrity", "auditor").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + unknown + "/events/export", "auditor").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + unknown + "/balance?asOf=2026-11-01", "auditor").status())
                .isEqualTo(404);
    }

    private JsonNode balance(String query) {
        Api.Response response = api.get("/api/v1/accounts/" + account + "/balance" + query, "auditor");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private void rewritePayload(byte[] payload) {
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = 1",
                    payload, account);
            jdbc.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
        });
    }
}
