package ru.utility.ledger.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.TestDates;

/**
 * The court calculation (расчёт пени) through the API, on fixed past dates, reconciled with the penalty explanation,
 * a penalty accrual and the statement to the kopeck.
 *
 * <p>By hand (the example): 3,000.00 for December 2021, due Monday 10 January 2022, unpaid on 31 December
 * 2022, at 7.5% (the key rate of the calculation day, less than 9.5%: Decree 474 as amended by Decree 1681). The
 * bankruptcy moratorium (Decree 497, 1 April - 1 October 2022) covers debts due before 1 April. Rows: 10 February -
 * 31 March, 50 days at 1/300: 37.500000; 1-10 April, 10 days at 1/300 in the moratorium (would be 7.500000); 11 April
 * - 1 October, 174 days at 1/130 in the moratorium (would be 301.153846); 2 October - 31 December, 91 days at 1/130:
 * 157.500000. Total 195.00; moratorium 184 days, 308.65 forgone.
 */
@LedgerIntegrationTest
class PenaltyCalculationApiTest {

    @LocalServerPort
    int port;

    @Test
    void theCalculationTotalsTheOwedPenaltyAndReconcilesWithTheAccrualAndTheStatement() {
        Api api = new Api(port);
        String account = Api.newAccountId();
        String base = "/api/v1/accounts/" + account;
        ok(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Sudebnaya <Vera>", "regionCode": "46", "openedOn": "2021-12-01"}"""
                .formatted(account)));
        assertThat(ok(api.post(base + "/charges", "operator", """
                {"billingPeriod": "2021-12", "amount": "3000.00", "postedOn": "2022-01-01"}""")).get("dueDate").asString())
                .isEqualTo("2022-01-10");

        JsonNode calculation = ok(api.get(base + "/penalty-calculation?asOf=2022-12-31", "finance"));
        List<String> rows = new ArrayList<>();
        calculation.get("rows").forEach(r -> rows.add(r.get("from").asString() + ".." + r.get("through").asString() + " "
                + r.get("days").asInt() + " " + r.get("fraction").asString() + " " + r.get("moratoriumDays").asInt() + " "
                + r.get("moratoriumAmount").asString() + " " + r.get("penalty").asString()));
        assertThat(rows).containsExactly("2022-02-10..2022-03-31 50 1/300 0 0.000000 37.500000",
                "2022-04-01..2022-04-10 10 1/300 10 7.500000 0.000000",
                "2022-04-11..2022-10-01 174 1/130 174 301.153846 0.000000",
                "2022-10-02..2022-12-31 91 1/130 0 0.000000 157.500000");
        assertThat(calculation.get("total").asString()).isEqualTo("195.00");
        assertThat(calculation.get("moratoriumDays").asInt()).isEqualTo(184);
        assertThat(calculation.get("moratoriumForgone").asString()).isEqualTo("308.65");
        assertThat(calculation.get("charges").get(0).get("penalty").asString()).isEqualTo("195.00");

        // To the kopeck: the explanation's owed, the accrual posted, the statement's penalty line.
        assertThat(ok(api.get(base + "/penalty?asOf=2022-12-31", "finance")).get("owed").asString()).isEqualTo("195.00");
        assertThat(ok(api.post(base + "/penalty-accruals", "operator", "{\"asOf\": \"2022-12-31\"}")).get("posted")
                .asString()).isEqualTo("195.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode statement = ok(api.get(base + "/statement?from=2022-01-01&to=2022-12-31", "finance"));
            assertThat(statement.get("movements")).hasSize(2);
            assertThat(statement.get("movements").get(1).get("kind").asString()).isEqualTo("PENALTY");
            assertThat(statement.get("movements").get(1).get("amount").asString()).isEqualTo("195.00");
            assertThat(statement.get("closingBalance").asString()).isEqualTo("3195.00");
        });

        Api.Response csv = api.get(base + "/penalty-calculation?asOf=2022-12-31&format=csv", "auditor");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo(PenaltyCalculationController.CSV_HEADER);
        assertThat(lines.get(1)).isEqualTo("ROW,1,\"ENERGY-2021-12\",2021-12,2022-01-10,3000.00,,2022-02-10,2022-03-31,50,"
                + "31-80,7.50,2022-12-31,1/300,\"3000.00 x 50 x 1/300 x 7.5%\",,0,0.000000,37.500000");
        assertThat(lines).allSatisfy(line -> assertThat(fields(line)).isEqualTo(19));
        assertThat(lines.get(5)).isEqualTo("CHARGE_TOTAL,,\"ENERGY-2021-12\",2021-12,,,,,,,,,,,,,,,195.00");
        assertThat(lines.getLast()).isEqualTo("TOTAL,,,,,,,,,,,,,,,,184,308.65,195.00");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get(base + "/penalty-calculation?asOf=2022-12-31&format=html", "finance").body())
                        .contains("Sudebnaya &lt;Vera&gt;"));
        Api.Response html = api.get(base + "/penalty-calculation?asOf=2022-12-31&format=html", "finance");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("<td>157.500000</td>", "<th>184</th><th>308.65</th><th>195.00</th>");
    }

    /** domain.md's worked example, paid: 45.600000 + 21.046154, 66.65, equal to the explanation's owed. */
    @Test
    void aPaidChargeHasRowsUntilItsPaymentDay() {
        Api api = new Api(port);
        String account = Api.newAccountId();
        String base = "/api/v1/accounts/" + account;
        ok(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Petrova Anna", "regionCode": "46", "openedOn": "2023-01-01"}"""
                .formatted(account)));
        ok(api.post(base + "/charges", "operator", """
                {"billingPeriod": "2023-06", "amount": "2400.00", "postedOn": "2023-07-01"}"""));
        ok(api.post(base + "/payments", "operator", """
                {"paymentId": "BANK-1", "amount": "2400.00", "channel": "BANK_REGISTRY", "receivedOn": "2023-10-20",
                 "billingPeriod": "2023-06"}"""));

        JsonNode calculation = ok(api.get(base + "/penalty-calculation?asOf=2023-12-31", "finance"));
        assertThat(calculation.get("rows")).hasSize(2);
        assertThat(calculation.get("rows").get(0).get("penalty").asString()).isEqualTo("45.600000");
        assertThat(calculation.get("rows").get(1).get("penalty").asString()).isEqualTo("21.046154");
        assertThat(calculation.get("rows").get(1).get("paidOn").asString()).isEqualTo("2023-10-20");
        assertThat(calculation.get("total").asString()).isEqualTo("66.65");
        assertThat(ok(api.get(base + "/penalty?asOf=2023-12-31", "finance")).get("owed").asString()).isEqualTo("66.65");

        assertThat(api.get(base + "/penalty-calculation?asOf=" + TestDates.today().plusDays(2), "finance").status())
                .isEqualTo(422);
        Api.Response format = api.get(base + "/penalty-calculation?format=pdf", "finance");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().get("errors").get(0).get("field").asString()).isEqualTo("format");
        assertThat(api.get("/api/v1/accounts/" + Api.newAccountId() + "/penalty-calculation", "finance").status())
                .isEqualTo(404);
    }

    /** The fields of a CSV line, commas inside quotes not counting. */
    private static int fields(String line) {
        int count = 1;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }
}
