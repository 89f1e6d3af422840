package ru.utility.ledger.api.charge;

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

/**
 * Recalculations through the API, told on fixed past dates in region 44 (no other test uses it).
 *
 * <p>By hand. May 2026: 1,000.00 due Monday 15 June 2026 (the 15th from March 2026's charges on), paid in full on
 * 10 June by P1 naming 2026-05. June 2026: 500.00 due Wednesday 15 July 2026, unpaid.
 * <ul>
 * <li>Penalty on 20 November 2026 (9.5%: the lesser of 9.5% and the key rate, Decree 329): June is 128 days overdue,
 * 60 days at 1/300 and 38 at 1/130: 500 x 9.5% x 60/300 = 9.50, 500 x 9.5% x 38/130 = 13.8846; 23.38.</li>
 * <li>C1 on 21 November: May -300.00, to 700.00. P1 paid 300.00 beyond it: released as credit and, judged on P1's
 * value date (10 June), it pays 300.00 of June, as if paid on 10 June, before June fell due.</li>
 * <li>C2 on 21 November: June +120.00, owed as debt C2 due like November's charge, Tuesday 15 December 2026.</li>
 * <li>Penalty on 21 November: May nothing (paid before due); June's 300.00 nothing, its 200.00 unpaid 129 days:
 * 200 x 9.5% x 60/300 = 3.80 and 200 x 9.5% x 39/130 = 5.70; 9.50. The run posts 9.50 - 23.38 = -13.88.</li>
 * <li>Balance: charged 1,500.00 - 300.00 + 120.00 - paid 1,000.00 + penalties 9.50 = 329.50 (June's 200.00 + C2's
 * 120.00 + 9.50). On 20 November: 1,500.00 - 1,000.00 + 23.38 = 523.38.</li>
 * </ul>
 */
@LedgerIntegrationTest
class ChargeCorrectionApiTest {

    static final String REGION = "44";

    @LocalServerPort
    int port;

    @Test
    void aDecreaseFreesCreditAndLowersThePenaltyAnIncreaseIsADebtOfItsOwnAndEveryReadShowsThem() {
        Api api = new Api(port);
        String account = Api.newAccountId();
        String base = "/api/v1/accounts/" + account;
        ok(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Pereraschetova Inna", "regionCode": "%s", "openedOn": "2026-01-15"}"""
                .formatted(account, REGION)));
        assertThat(ok(api.post(base + "/charges", "operator", """
                {"billingPeriod": "2026-05", "amount": "1000.00", "postedOn": "2026-06-01"}""")).get("dueDate").asString())
                .isEqualTo("2026-06-15");
        assertThat(ok(api.post(base + "/charges", "operator", """
                {"billingPeriod": "2026-06", "amount": "500.00", "postedOn": "2026-07-01"}""")).get("dueDate").asString())
                .isEqualTo("2026-07-15");
        ok(api.post(base + "/payments", "operator", """
                {"paymentId": "P1", "amount": "1000.00", "channel": "BANK_REGISTRY", "receivedOn": "2026-06-10",
                 "billingPeriod": "2026-05"}"""));
        assertThat(ok(api.post(base + "/penalty-accruals", "operator", "{\"asOf\": \"2026-11-20\"}"))
                .get("posted").asString()).isEqualTo("23.38");

        Api.Response c1 = api.post(base + "/charges/ENERGY-2026-05/corrections", "operator", """
                {"correctionId": "C1", "difference": "-300.00", "reason": "Meter reading corrected",
                 "correctedOn": "2026-11-21"}""");
        assertThat(c1.status()).as(c1.toString()).isEqualTo(201);
        assertThat(c1.json().get("chargeAmount").asString()).isEqualTo("700.00");
        assertThat(c1.json().get("dueDate").isNull()).isTrue();
        Api.Response c2 = api.post(base + "/charges/ENERGY-2026-06/corrections", "operator", """
                {"correctionId": "C2", "difference": "120.00", "reason": "Tariff applied late",
                 "correctedOn": "2026-11-21"}""");
        assertThat(c2.status()).as(c2.toString()).isEqualTo(201);
        assertThat(c2.json().get("dueDate").asString()).isEqualTo("2026-12-15");
        assertThat(c2.json().get("chargeAmount").asString()).isEqualTo("500.00");

        // Allocation: P1 now pays May 700.00 and June 300.00; June has 200.00 left, the increase 120.00.
        JsonNode p1 = ok(api.get(base + "/payments/P1/allocations", "finance"));
        assertThat(paid(p1)).containsExactly("ENERGY-2026-05=700.00", "ENERGY-2026-06=300.00");
        assertThat(p1.get("credit").asString()).isEqualTo("0.00");
        assertThat(ok(api.get(base + "/charges/ENERGY-2026-06/allocations", "finance")).get("outstanding").asString())
                .isEqualTo("200.00");
        JsonNode increase = ok(api.get(base + "/charges/C2/allocations", "finance"));
        assertThat(increase.get("outstanding").asString()).isEqualTo("120.00");
        assertThat(increase.get("dueDate").asString()).isEqualTo("2026-12-15");

        // The penalty base is lower from the due date on; the next run posts the difference.
        assertThat(ok(api.get(base + "/penalty?asOf=2026-11-21", "finance")).get("owed").asString()).isEqualTo("9.50");
        assertThat(ok(api.post(base + "/penalty-accruals", "operator", "{\"asOf\": \"2026-11-21\"}"))
                .get("posted").asString()).isEqualTo("-13.88");

        // Balances: the projection and as-of.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode balance = ok(api.get(base + "/balance", "finance"));
            assertThat(balance.get("balance").asString()).isEqualTo("329.50");
            assertThat(balance.get("totalCorrected").asString()).isEqualTo("-180.00");
        });
        JsonNode asOf21 = ok(api.get(base + "/balance?asOf=2026-11-21", "auditor"));
        assertThat(asOf21.get("balance").asString()).isEqualTo("329.50");
        assertThat(asOf21.get("totalCorrected").asString()).isEqualTo("-180.00");
        assertThat(ok(api.get(base + "/balance?asOf=2026-11-20", "auditor")).get("balance").asString())
                .isEqualTo("523.38");

        // The statement: opening 500.00, the penalty, the two corrections and the penalty correction.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                statement(api, base).get("movements")).hasSize(4));
        JsonNode statement = statement(api, base);
        assertThat(statement.get("openingBalance").asString()).isEqualTo("500.00");
        assertThat(movements(statement)).containsExactly("PENALTY 23.38 523.38", "CORRECTION -300.00 223.38",
                "CORRECTION 120.00 343.38", "PENALTY -13.88 329.50");
        assertThat(statement.get("movements").get(1).get("reference").asString()).isEqualTo("C1");
        assertThat(statement.get("closingBalance").asString()).isEqualTo("329.50");
        Api.Response csv = api.get(base + "/statement?from=2026-11-01&to=2026-11-30&format=csv", "finance");
        assertThat(csv.body()).contains("2026-11-21,CORRECTION,\"C1\",\"Charge ENERGY-2026-05 for 2026-05 recalculated "
                + "(decreased): Meter reading corrected\",-300.00,223.38");

        // The overdue list: June's 200.00 on 25 November; the increase counts only after 15 December. Both days are
        // awaited together: 25 November reads 200.00 as soon as C1 is projected, before C2 (its own command) is.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(overdue(api, account, "2026-11-25").get("overdueAmount").asString()).isEqualTo("200.00");
            assertThat(overdue(api, account, "2026-12-16").get("overdueAmount").asString()).isEqualTo("320.00");
        });

        // The feed publishes both corrections.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(feed(api, account))
                .containsExactly("C1 ENERGY-2026-05 -300.00 null", "C2 ENERGY-2026-06 120.00 2026-12-15"));

        // Idempotent by correction id; the same id with other content is a conflict.
        Api.Response again = api.post(base + "/charges/ENERGY-2026-05/corrections", "operator", """
                {"correctionId": "C1", "difference": "-300.00", "reason": "Meter reading corrected"}""");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("correctedOn").asString()).isEqualTo("2026-11-21");
        problem(api.post(base + "/charges/ENERGY-2026-05/corrections", "operator", """
                {"correctionId": "C1", "difference": "-200.00", "reason": "Meter reading corrected"}"""),
                409, "IDEMPOTENCY_CONFLICT", "correctionId");
    }

    @Test
    void badCorrectionsGetAProblemNamingTheFieldAndChangeNothing() {
        Api api = new Api(port);
        String account = Api.newAccountId();
        String base = "/api/v1/accounts/" + account;
        ok(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Oshibkina Anna", "regionCode": "%s", "openedOn": "2026-01-15"}"""
                .formatted(account, REGION)));
        ok(api.post(base + "/charges", "operator", """
                {"billingPeriod": "2026-05", "amount": "1000.00", "postedOn": "2026-06-01"}"""));

        problem(api.post(base + "/charges/ENERGY-2026-04/corrections", "operator", """
                {"correctionId": "X1", "difference": "-1.00", "reason": "Typo"}"""), 404, "UNKNOWN_CHARGE", "chargeId");
        problem(api.post(base + "/charges/ENERGY-2026-05/corrections", "operator", """
                {"correctionId": "X1", "difference": "-1000.01", "reason": "Typo"}"""), 422, "CORRECTION_BELOW_ZERO",
                "difference");
        problem(api.post(base + "/charges/ENERGY-2026-05/corrections", "operator", """
                {"correctionId": "X1", "difference": "-1.00", "reason": "Typo", "correctedOn": "2026-05-31"}"""), 422,
                "CORRECTION_BEFORE_CHARGE", "correctedOn");
        problem(api.post(base + "/charges/ENERGY-2026-05/corrections", "operator", """
                {"correctionId": "X1", "difference": "-1.00", "reason": "Typo", "correctedOn": "%s"}"""
                .formatted(ru.utility.ledger.api.support.TestDates.today().plusDays(2))), 422, "DATE_IN_FUTURE",
                "correctedOn");
        problem(api.post(base + "/charges/ENERGY-2026-05/corrections", "operator", """
                {"correctionId": "X1", "difference": "0.00", "reason": "Typo"}"""), 400, null, "difference");
        problem(api.post(base + "/charges/ENERGY-2026-05/corrections", "operator", """
                {"correctionId": "X1", "difference": "-1.005", "reason": "Typo"}"""), 400, null, "difference");
        problem(api.post(base + "/charges/ENERGY-2026-05/corrections", "operator", """
                {"correctionId": "X 1", "difference": "-1.00", "reason": "Typo"}"""), 400, null, "correctionId");
        problem(api.post(base + "/charges/ENERGY-2026-05/corrections", "operator", """
                {"correctionId": "X1", "difference": "-1.00"}"""), 400, null, "reason");
        problem(api.post("/api/v1/accounts/" + Api.newAccountId() + "/charges/ENERGY-2026-05/corrections", "operator",
                """
                {"correctionId": "X1", "difference": "-1.00", "reason": "Typo"}"""), 404, "UNKNOWN_ACCOUNT", null);
        // Nothing was recorded: the charge is as posted and X1 is still free.
        assertThat(ok(api.get(base + "/charges/ENERGY-2026-05/allocations", "finance")).get("amount").asString())
                .isEqualTo("1000.00");
        assertThat(api.post(base + "/charges/ENERGY-2026-05/corrections", "operator", """
                {"correctionId": "X1", "difference": "-1.00", "reason": "Typo"}""").status()).isEqualTo(201);
    }

    private static void problem(Api.Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (code != null) {
            assertThat(response.json().get("code").asString()).isEqualTo(code);
        }
        if (field != null) {
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }

    private static List<String> paid(JsonNode allocation) {
        List<String> paid = new ArrayList<>();
        allocation.get("paid").forEach(p -> paid.add(p.get("chargeId").asString() + "=" + p.get("amount").asString()));
        return paid;
    }

    private static JsonNode statement(Api api, String base) {
        return ok(api.get(base + "/statement?from=2026-11-01&to=2026-11-30", "finance"));
    }

    private static List<String> movements(JsonNode statement) {
        List<String> lines = new ArrayList<>();
        statement.get("movements").forEach(m -> lines.add(m.get("kind").asString() + " " + m.get("amount").asString()
                + " " + m.get("runningBalance").asString()));
        return lines;
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

    /** This account's ChargeCorrected events on the feed, as "correction charge difference dueDate". */
    private static List<String> feed(Api api, String account) {
        List<String> found = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = ok(api.get("/api/v1/feed?types=ChargeCorrected&limit=1000&after=" + after, "integration"));
            for (JsonNode event : page.get("events")) {
                JsonNode data = event.get("data");
                if (data.get("accountId").asString().equals(account)) {
                    found.add(data.get("correctionId").asString() + " " + data.get("chargeId").asString() + " "
                            + data.get("difference").asString() + " "
                            + (data.get("dueDate").isNull() ? "null" : data.get("dueDate").asString()));
                }
            }
            if (page.get("events").isEmpty()) {
                return found;
            }
            after = page.get("next").asLong();
        }
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }
}
