package ru.utility.ledger.api.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;

/** Statements from the statements projection, as JSON and CSV. */
@LedgerIntegrationTest
class StatementApiTest {

    @LocalServerPort
    int port;
    Api api;
    String account;
    LocalDate chargeDate;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        account = Api.newAccountId();
        api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Statementova", "regionCode": "50", "openedOn": "2026-01-15"}"""
                .formatted(account));
        api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                {"paymentId": "P-OLD", "amount": "100.00", "channel": "CASH_OFFICE", "receivedOn": "2026-09-30"}""");
        api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                {"paymentId": "P-NOV", "amount": "1000.00", "channel": "BANK_REGISTRY", "receivedOn": "2026-11-05"}""");
        api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                {"billingPeriod": "2026-10", "amount": "1234.50", "description": "=HYPERLINK(\\"x\\")"}""");
        api.post("/api/v1/accounts/" + account + "/payments/P-NOV/reversal", "operator", """
                {"reason": "Bank recall, \\"wrong\\" account", "reversedOn": "2026-11-06"}""");
        JsonNode events = api.get("/api/v1/accounts/" + account + "/events", "auditor").json().get("events");
        chargeDate = LocalDate.ofInstant(java.time.Instant.parse(events.get(3).get("recordedAt").asString()),
                java.time.ZoneId.of("Europe/Moscow"));
        await().atMost(Duration.ofSeconds(10)).until(() -> statement("2026-01-01", "2099-12-31")
                .get("movements").size() == 4);
    }

    @Test
    void jsonStatementHasOpeningMovementsWithRunningBalanceAndClosing() {
        JsonNode statement = statement("2026-10-01", "2099-12-31");
        assertThat(statement.get("openingBalance").asString()).isEqualTo("-100.00");
        JsonNode movements = statement.get("movements");
        assertThat(movements).hasSize(3);
        assertThat(movements.get(0).get("date").asString()).isEqualTo("2026-11-05");
        assertThat(movements.get(0).get("kind").asString()).isEqualTo("PAYMENT");
        assertThat(movements.get(0).get("amount").asString()).isEqualTo("-1000.00");
        assertThat(movements.get(0).get("runningBalance").asString()).isEqualTo("-1100.00");
        assertThat(movements.get(1).get("kind").asString()).isEqualTo("REVERSAL");
        assertThat(movements.get(1).get("runningBalance").asString()).isEqualTo("-100.00");
        assertThat(movements.get(2).get("kind").asString()).isEqualTo("CHARGE");
        assertThat(movements.get(2).get("date").asString()).isEqualTo(chargeDate.toString());
        assertThat(movements.get(2).get("runningBalance").asString()).isEqualTo("1134.50");
        assertThat(statement.get("closingBalance").asString()).isEqualTo("1134.50");

        // The closing balance of a day equals the as-of balance computed from the event store.
        JsonNode asOf = api.get("/api/v1/accounts/" + account + "/balance?asOf=2026-11-05", "auditor").json();
        assertThat(statement("2026-01-01", "2026-11-05").get("closingBalance").asString())
                .isEqualTo(asOf.get("balance").asString()).isEqualTo("-1100.00");

        JsonNode empty = statement("2026-10-01", "2026-10-31");
        assertThat(empty.get("movements")).isEmpty();
        assertThat(empty.get("openingBalance").asString()).isEqualTo("-100.00");
        assertThat(empty.get("closingBalance").asString()).isEqualTo("-100.00");
    }

    @Test
    void csvByFormatOrByAcceptHeaderWithQuotedAndNeutralisedText() throws Exception {
        Api.Response csv = api.get("/api/v1/accounts/" + account + "/statement?from=2026-10-01&to=2099-12-31&format=csv",
                "finance");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("date,kind,reference,description,amount,running_balance");
        assertThat(lines.get(1)).isEqualTo("2026-10-01,OPENING_BALANCE,,,,-100.00");
        assertThat(lines.get(2)).isEqualTo("2026-11-05,PAYMENT,\"P-NOV\",\"Payment via BANK_REGISTRY\",-1000.00,-1100.00");
        assertThat(lines.get(3)).isEqualTo("2026-11-06,REVERSAL,\"P-NOV\","
                + "\"Reversal of payment P-NOV: Bank recall, \"\"wrong\"\" account\",1000.00,-100.00");
        assertThat(lines.get(4)).startsWith(chargeDate + ",CHARGE,\"ENERGY-2026-10\",\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(lines.get(5)).isEqualTo("2099-12-31,CLOSING_BALANCE,,,,1134.50");

        HttpResponse<String> negotiated = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/accounts/" + account
                                + "/statement?from=2026-10-01&to=2099-12-31"))
                .header("Accept", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("finance:finance".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(negotiated.statusCode()).isEqualTo(200);
        assertThat(negotiated.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(negotiated.body()).isEqualTo(csv.body());

        // A CSV client sending a bad range still gets the problem document, not a 406 or a 5xx.
        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/accounts/" + account
                                + "/statement?from=2026-10-02&to=2026-10-01"))
                .header("Accept", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("finance:finance".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"to\"");
    }

    @Test
    void badRangeIsAProblemAndUnknownAccountIs404() {
        Api.Response reversed = api.get("/api/v1/accounts/" + account + "/statement?from=2026-11-01&to=2026-10-01",
                "finance");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        Api.Response missing = api.get("/api/v1/accounts/" + account + "/statement?to=2026-10-01", "finance");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        Api.Response format = api.get("/api/v1/accounts/" + account
                + "/statement?from=2026-10-01&to=2026-10-02&format=xls", "finance");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().get("errors").get(0).get("field").asString()).isEqualTo("format");
        assertThat(api.get("/api/v1/accounts/" + Api.newAccountId() + "/statement?from=2026-10-01&to=2026-10-02",
                "finance").status()).isEqualTo(404);
    }

    private JsonNode statement(String from, String to) {
        Api.Response response = api.get("/api/v1/accounts/" + account + "/statement?from=" + from + "&to=" + to,
                "finance");
        if (response.status() == 404) {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree("{\"movements\": []}");
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
