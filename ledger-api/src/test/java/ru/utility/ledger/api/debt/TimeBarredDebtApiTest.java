package ru.utility.ledger.api.debt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.TestDates;

/**
 * Time-barred debt through the API, told on fixed past dates in region 43 (no other test uses it).
 *
 * <p>By hand. May 2021's 1,000.00 falls due on Thursday 10 June 2021 (Housing Code art. 155 p.1): claimable through
 * 10 June 2024, time-barred from 11 June 2024 (Civil Code arts. 191, 192, 196, 200). February 2024's 600.00 falls
 * due on 11 March 2024 (10 March a Sunday).
 * <ul>
 * <li>P1, 1,000.00 without a period, value date 1 July 2024: May 2021 is time-barred that day, so it pays
 * February 2024 (600.00) and 400.00 stays credit.</li>
 * <li>P2, 500.00 without a period, value date 10 June 2024 (recorded after P1): May 2021 is still claimable that
 * day and is the oldest, so P2 pays 500.00 of it. P1's credit is judged on P1's own value date and stays credit.</li>
 * <li>P3, 200.00 naming 2021-05, value date 1 August 2024: the payer's choice (Civil Code arts. 206 p.1, 319.1 p.1),
 * so it pays May 2021 although time-barred. 300.00 of May 2021 is left unpaid.</li>
 * </ul>
 * Balance: charged 1,600.00 - paid 1,700.00 = -100.00 (300.00 unpaid beside 400.00 credit).
 */
@LedgerIntegrationTest
class TimeBarredDebtApiTest {

    static final String REGION = "43";

    @LocalServerPort
    int port;

    @Test
    void oldestFirstSkipsTimeBarredDebtAndTheOverdueListAndStatementsFlagIt() {
        Api api = new Api(port);
        String account = Api.newAccountId();
        String base = "/api/v1/accounts/" + account;
        ok(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Davnova Olga", "regionCode": "%s", "openedOn": "2021-01-15"}"""
                .formatted(account, REGION)));
        JsonNode may = ok(api.post(base + "/charges", "operator", """
                {"billingPeriod": "2021-05", "amount": "1000.00", "postedOn": "2021-06-01"}"""));
        assertThat(may.get("dueDate").asString()).isEqualTo("2021-06-10");
        JsonNode february = ok(api.post(base + "/charges", "operator", """
                {"billingPeriod": "2024-02", "amount": "600.00", "postedOn": "2024-03-01"}"""));
        assertThat(february.get("dueDate").asString()).isEqualTo("2024-03-11");
        pay(api, base, "P1", "1000.00", "2024-07-01", null);
        pay(api, base, "P2", "500.00", "2024-06-10", null);
        pay(api, base, "P3", "200.00", "2024-08-01", "2021-05");

        JsonNode p1 = ok(api.get(base + "/payments/P1/allocations", "finance"));
        assertThat(paid(p1)).containsExactly("ENERGY-2024-02=600.00");
        assertThat(p1.get("credit").asString()).isEqualTo("400.00");
        JsonNode p2 = ok(api.get(base + "/payments/P2/allocations", "finance"));
        assertThat(paid(p2)).containsExactly("ENERGY-2021-05=500.00");
        assertThat(p2.get("credit").asString()).isEqualTo("0.00");
        assertThat(paid(ok(api.get(base + "/payments/P3/allocations", "finance")))).containsExactly("ENERGY-2021-05=200.00");
        assertThat(ok(api.get(base + "/charges/ENERGY-2021-05/allocations", "finance")).get("outstanding").asString())
                .isEqualTo("300.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ok(api.get(base + "/balance", "finance")).get("balance").asString()).isEqualTo("-100.00"));

        // The overdue list: 300.00 overdue, all of it time-barred from 11 June 2024 on, none on 10 June.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(field(overdue(api, account, "2024-08-15"), "timeBarredAmount")).isEqualTo("300.00"));
        JsonNode august = overdue(api, account, "2024-08-15");
        assertThat(august.get("overdueAmount").asString()).isEqualTo("300.00");
        assertThat(field(overdue(api, account, "2024-06-10"), "timeBarredAmount")).isEqualTo("0.00");
        assertThat(field(overdue(api, account, "2024-06-11"), "timeBarredAmount")).isEqualTo("300.00");
        Api.Response csv = api.get("/api/v1/overdue?region=" + REGION + "&format=csv&asOf=2024-08-15", "finance");
        assertThat(csv.body().lines().filter(line -> line.startsWith(account + ","))).singleElement()
                .satisfies(line -> assertThat(line).endsWith(",300.00"));

        // Statements: the time-barred charge is listed with its unpaid principal and its line is flagged.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(statement(api, base, "2021-01-01", "2024-08-31").get("movements")).hasSize(5));
        JsonNode statement = statement(api, base, "2021-01-01", "2024-08-31");
        assertThat(statement.get("timeBarredOn").asString()).isEqualTo("2024-08-31");
        assertThat(statement.get("timeBarredTotal").asString()).isEqualTo("300.00");
        JsonNode barred = statement.get("timeBarred").get(0);
        assertThat(barred.get("chargeId").asString()).isEqualTo("ENERGY-2021-05");
        assertThat(barred.get("dueDate").asString()).isEqualTo("2021-06-10");
        assertThat(barred.get("lastClaimableDay").asString()).isEqualTo("2024-06-10");
        assertThat(barred.get("unpaid").asString()).isEqualTo("300.00");
        JsonNode lines = statement.get("movements");
        assertThat(lines.get(0).get("reference").asString()).isEqualTo("ENERGY-2021-05");
        assertThat(lines.get(0).get("timeBarred").asBoolean()).isTrue();
        assertThat(lines.get(1).get("reference").asString()).isEqualTo("ENERGY-2024-02");
        assertThat(lines.get(1).get("timeBarred").asBoolean()).isFalse();
        // On 10 June 2024 nothing was time-barred yet.
        assertThat(statement(api, base, "2024-06-01", "2024-06-10").get("timeBarred")).isEmpty();
        // A statement reaching into the future judges on today.
        assertThat(statement(api, base, "2024-06-01", "2099-12-31").get("timeBarredOn").asString())
                .isBetween(TestDates.today().minusDays(1).toString(), TestDates.today().plusDays(1).toString());
        Api.Response statementCsv = api.get(base + "/statement?from=2024-01-01&to=2024-08-31&format=csv", "finance");
        List<String> csvLines = statementCsv.body().lines().toList();
        assertThat(csvLines.getLast()).isEqualTo("2024-08-31,TIME_BARRED,\"ENERGY-2021-05\",\"Period 2021-05 due "
                + "2021-06-10, claimable in court through 2024-06-10\",300.00,");
        assertThat(csvLines.get(csvLines.size() - 2)).isEqualTo("2024-08-31,CLOSING_BALANCE,,,,-100.00");
    }

    private static void pay(Api api, String base, String id, String amount, String receivedOn, String period) {
        ok(api.post(base + "/payments", "operator", """
                {"paymentId": "%s", "amount": "%s", "channel": "BANK_REGISTRY", "receivedOn": "%s"%s}"""
                .formatted(id, amount, receivedOn, period == null ? "" : ", \"billingPeriod\": \"" + period + "\"")));
    }

    private static List<String> paid(JsonNode allocation) {
        List<String> paid = new java.util.ArrayList<>();
        allocation.get("paid").forEach(p -> paid.add(p.get("chargeId").asString() + "=" + p.get("amount").asString()));
        return paid;
    }

    private static JsonNode overdue(Api api, String account, String asOf) {
        JsonNode page = ok(api.get("/api/v1/overdue?region=" + REGION + "&limit=1000&asOf=" + asOf, "finance"));
        for (JsonNode row : page.get("accounts")) {
            if (row.get("accountId").asString().equals(account)) {
                return row;
            }
        }
        throw new AssertionError(account + " is not on the overdue list of " + asOf + ": " + page);
    }

    private static String field(JsonNode row, String name) {
        return row.get(name).asString();
    }

    private static JsonNode statement(Api api, String base, String from, String to) {
        return ok(api.get(base + "/statement?from=" + from + "&to=" + to, "finance"));
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }
}
