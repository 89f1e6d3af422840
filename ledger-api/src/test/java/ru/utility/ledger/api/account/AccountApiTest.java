package ru.utility.ledger.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.core.api.LedgerTime;

@LedgerIntegrationTest
public class AccountApiTest {

    @LocalServerPort
    int port;
    @Autowired
    java.time.Clock clock;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    String id;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        id = Api.newAccountId();
    }

    @Test
    void opensAnAccountAndAnswersConflictWhenItExists() {
        Api.Response created = open(id);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/accounts/" + id);
        assertThat(created.json().get("status").asString()).isEqualTo("OPEN");

        Api.Response again = open(id);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("ACCOUNT_EXISTS");

        JsonNode account = awaitAccount(id);
        assertThat(account.get("holderName").asString()).isEqualTo("Ivanova Maria Petrovna");
        assertThat(account.get("regionCode").asString()).isEqualTo("77");
        assertThat(account.get("balance").asString()).isEqualTo("0.00");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void unknownAccountIs404Problem() {
        Api.Response response = api.get("/api/v1/accounts/" + id, "finance");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("accountId");

        Api.Response payment = api.post("/api/v1/accounts/" + id + "/payments", "operator",
                payment("P-1", "10.00"));
        assertThat(payment.status()).isEqualTo(404);
        assertThat(payment.json().get("code").asString()).isEqualTo("UNKNOWN_ACCOUNT");
    }

    @Test
    void chargeGetsItsDueDateAndIsIdempotent() {
        open(id);
        Api.Response charge = api.post("/api/v1/accounts/" + id + "/charges", "operator", """
                {"billingPeriod": "2026-10", "amount": "1234.50", "kwh": "250.5"}""");
        assertThat(charge.status()).as(charge.toString()).isEqualTo(201);
        JsonNode body = charge.json();
        assertThat(body.get("chargeId").asString()).isEqualTo("ENERGY-2026-10");
        assertThat(body.get("amount").asString()).isEqualTo("1234.50");
        // 15 November 2026 (the 15th-of-next-month regime) is a Sunday: due on Monday the 16th.
        assertThat(body.get("dueDate").asString()).isEqualTo("2026-11-16");

        Api.Response february = api.post("/api/v1/accounts/" + id + "/charges", "operator", """
                {"billingPeriod": "2026-02", "amount": "100.00"}""");
        assertThat(february.json().get("dueDate").asString()).isEqualTo("2026-03-10");

        Api.Response repeat = api.post("/api/v1/accounts/" + id + "/charges", "operator", """
                {"billingPeriod": "2026-10", "amount": "1234.50", "kwh": "250.5"}""");
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("dueDate").asString()).isEqualTo("2026-11-16");

        Api.Response conflict = api.post("/api/v1/accounts/" + id + "/charges", "operator", """
                {"billingPeriod": "2026-10", "amount": "999.00"}""");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("code").asString()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(conflict.json().get("errors").get(0).get("field").asString()).isEqualTo("chargeId");

        assertThat(eventCount(id)).isEqualTo(3);
    }

    @Test
    void paymentsAreIdempotentPerReferenceAndMoveTheBalance() {
        open(id);
        api.post("/api/v1/accounts/" + id + "/charges", "operator", """
                {"billingPeriod": "2026-10", "amount": "1000.00"}""");

        Api.Response paid = api.post("/api/v1/accounts/" + id + "/payments", "operator", payment("SBP-1", "400.10"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.json().get("channel").asString()).isEqualTo("WEB_CABINET");

        Api.Response repeat = api.post("/api/v1/accounts/" + id + "/payments", "operator", payment("SBP-1", "400.10"));
        assertThat(repeat.status()).isEqualTo(200);
        Api.Response conflict = api.post("/api/v1/accounts/" + id + "/payments", "operator", payment("SBP-1", "400.11"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("code").asString()).isEqualTo("IDEMPOTENCY_CONFLICT");

        JsonNode balance = awaitBalance(id, "599.90");
        assertThat(balance.get("totalCharged").asString()).isEqualTo("1000.00");
        assertThat(balance.get("totalPaid").asString()).isEqualTo("400.10");
        assertThat(balance.get("asOf").get("sequence").asLong()).isEqualTo(2);

        Api.Response reversal = api.post("/api/v1/accounts/" + id + "/payments/SBP-1/reversal", "operator", """
                {"reason": "Bank recall"}""");
        assertThat(reversal.status()).as(reversal.toString()).isEqualTo(201);
        assertThat(reversal.json().get("amount").asString()).isEqualTo("400.10");
        assertThat(api.post("/api/v1/accounts/" + id + "/payments/SBP-1/reversal", "operator", """
                {"reason": "Bank recall"}""").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/accounts/" + id + "/payments/SBP-1/reversal", "operator", """
                {"reason": "Chargeback"}""").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/accounts/" + id + "/payments/NOPE/reversal", "operator", """
                {"reason": "Chargeback"}""").status()).isEqualTo(404);

        JsonNode after = awaitBalance(id, "1000.00");
        assertThat(after.get("totalPaid").asString()).isEqualTo("0.00");
        // opened, charged, paid, payment allocated, reversed, allocation released
        assertThat(eventCount(id)).isEqualTo(6);
    }

    @Test
    void closesOnlyWithZeroBalance() {
        open(id);
        api.post("/api/v1/accounts/" + id + "/charges", "operator", """
                {"billingPeriod": "2026-10", "amount": "50.00"}""");
        Api.Response refused = api.post("/api/v1/accounts/" + id + "/closure", "operator", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("BALANCE_NOT_ZERO");

        api.post("/api/v1/accounts/" + id + "/payments", "operator", payment("CASH-7", "50.00"));
        java.time.LocalDate before = LedgerTime.today(clock);
        Api.Response closed = api.post("/api/v1/accounts/" + id + "/closure", "operator", null);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        // Today by the ledger's clock (either day, should the run cross midnight here).
        assertThat(java.time.LocalDate.parse(closed.json().get("closedOn").asString()))
                .isBetween(before, LedgerTime.today(clock));

        Api.Response late = api.post("/api/v1/accounts/" + id + "/payments", "operator", payment("CASH-8", "1.00"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("ACCOUNT_CLOSED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/v1/accounts/" + id, "finance").json().get("status").asString())
                        .isEqualTo("CLOSED"));
    }

    @Test
    void everyEventRecordsActorCorrelationAndRequestId() {
        Api.Response created = api.send("POST", "/api/v1/accounts", "operator", openJson(id), "req-abc-123");
        assertThat(created.header("X-Request-Id")).isEqualTo("req-abc-123");
        String metadata = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, id);
        assertThat(metadata).contains("\"actor\":\"operator\"", "\"requestId\":\"req-abc-123\"",
                "\"correlationId\":\"req-abc-123\"");

        Api.Response generated = api.get("/api/v1/accounts/" + id, "finance");
        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    private Api.Response open(String accountId) {
        return api.post("/api/v1/accounts", "operator", openJson(accountId));
    }

    public static String openJson(String accountId) {
        return """
                {"accountId": "%s", "holderName": "Ivanova Maria Petrovna", "regionCode": "77",
                 "openedOn": "2026-01-15"}""".formatted(accountId);
    }

    public static String payment(String paymentId, String amount) {
        return """
                {"paymentId": "%s", "amount": "%s", "channel": "WEB_CABINET", "receivedOn": "2026-11-20"}"""
                .formatted(paymentId, amount);
    }

    private JsonNode awaitAccount(String accountId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/accounts/" + accountId, "finance").status() == 200);
        return api.get("/api/v1/accounts/" + accountId, "finance").json();
    }

    private JsonNode awaitBalance(String accountId, String expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Api.Response r = api.get("/api/v1/accounts/" + accountId + "/balance", "finance");
            return r.status() == 200 && r.json().get("balance").asString().equals(expected);
        });
        return api.get("/api/v1/accounts/" + accountId + "/balance", "finance").json();
    }

    private int eventCount(String accountId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, accountId);
    }
}
