package ru.utility.ledger.api.installment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.TestDates;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.penalty.DebtPart;
import ru.utility.ledger.core.api.penalty.PenaltyDebt;
import ru.utility.ledger.core.rules.penalty.PenaltyCalculator;

/**
 * The relief walk-through through the API, told as of 25 November 2026 whatever day the suite runs (charges carry
 * the day they were billed, payments their value dates): 1000.00 for January and 1000.00 for
 * February; a deferral from 1 April to 30 June, ended early on 15 May; on 1 June the debt is restructured
 * into three installments (1 July, 1 August, 1 September); the first is paid on time, the second is missed
 * (a review run as of 20 August records it), the rest is paid on 15 September and the plan completes.
 */
@LedgerIntegrationTest
class InstallmentPlanApiTest {

    static final String REGION = "97";

    @LocalServerPort
    int port;
    @Autowired
    PenaltyCalculator calculator;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void deferThenRestructureMissOnePayTheRestAndEveryFigureAgrees() {
        String account = open();
        LocalDate januaryDue = charge(account, "2026-01");
        LocalDate februaryDue = charge(account, "2026-02");
        String deferral = programme("DEFERRAL", "\"maxDeferralMonths\": 3");
        String instalments = programme("INSTALLMENT",
                "\"minInstallments\": 2, \"maxInstallments\": 6, \"missesBeforeDefault\": 2");
        String base = "/api/v1/accounts/" + account;

        enrol(deferral, account, "2026-04-01");
        created(api.post(base + "/deferrals", "operator", """
                {"deferralId": "D1", "programId": "%s", "grantedOn": "2026-04-01", "endsOn": "2026-06-30"}"""
                .formatted(deferral)));
        created(api.post(base + "/deferrals/D1/end", "operator", """
                {"endedOn": "2026-05-15", "reason": "Found work"}"""));
        // Not overdue while deferred (the early end moved the due date to 15 May).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(overdueRow(account, "2026-04-15")).isNull();
            assertThat(overdueRow(account, "2026-05-20")).isNotNull();
        });

        enrol(instalments, account, "2026-06-01");
        Api.Response outOfRange = agree(account, instalments, "P1", "7");
        assertThat(outOfRange.status()).isEqualTo(422);
        assertThat(outOfRange.json().get("code").asString()).isEqualTo("INSTALLMENTS_OUT_OF_RANGE");
        Api.Response badCount = agree(account, instalments, "P1", "three");
        assertThat(badCount.status()).isEqualTo(400);
        assertThat(badCount.json().get("errors").get(0).get("field").asString()).isEqualTo("installments");
        JsonNode plan = created(agree(account, instalments, "P1", "3"));
        assertThat(plan.get("total").asString()).isEqualTo("2000.00");
        assertThat(amounts(plan)).containsExactly("666.66", "666.66", "666.68");
        assertThat(plan.get("schedule").get(2).get("dueDate").asString()).isEqualTo("2026-09-01");
        assertThat(agree(account, instalments, "P1", "3").status()).isEqualTo(200);
        assertThat(agree(account, instalments, "P1", "4").json().get("code").asString()).isEqualTo("IDEMPOTENCY_CONFLICT");
        // The restructured charges left the overdue list; the installments are in it by their own dates.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(overdueRow(account, "2026-06-20")).isNull();
            JsonNode row = overdueRow(account, "2026-07-02");
            assertThat(row).isNotNull();
            assertThat(row.get("overdueAmount").asString()).isEqualTo("666.66");
            assertThat(row.get("oldestDueDate").asString()).isEqualTo("2026-07-01");
        });

        JsonNode january = ok(api.get(base + "/charges/ENERGY-2026-01/allocations", "finance"));
        assertThat(january.get("outstanding").asString()).isEqualTo("0.00");
        assertThat(january.get("dueDateInForce").asString()).isEqualTo("2026-05-15");
        assertThat(january.get("settledBy").size()).isZero();
        assertThat(january.get("restructuredBy").get(0).get("planId").asString()).isEqualTo("P1");
        assertThat(january.get("restructuredBy").get(0).get("amount").asString()).isEqualTo("1000.00");
        pay(account, "PAY-1", "666.66", "2026-06-25");
        JsonNode review = ok(api.post("/api/v1/installment-reviews", "operator", """
                {"asOf": "2026-08-20", "accountIds": ["%s"]}""".formatted(account)));
        assertThat(review.get("missesRecorded").asInt()).isEqualTo(1);
        assertThat(review.get("plansDefaulted").asInt()).isZero();
        assertThat(ok(api.post("/api/v1/installment-reviews", "operator", """
                {"asOf": "2026-08-20", "accountIds": ["%s"]}""".formatted(account))).get("missesRecorded").asInt())
                .isZero();
        JsonNode missed = ok(api.get(base + "/installment-plans/P1", "finance"));
        assertThat(missed.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(missed.get("misses").asInt()).isEqualTo(1);
        assertThat(statuses(missed)).containsExactly("PAID", "MISSED", "MISSED");

        pay(account, "PAY-2", "1333.34", "2026-09-15");
        JsonNode completed = ok(api.get(base + "/installment-plans/P1", "finance"));
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("completedOn").asString()).isEqualTo("2026-09-15");
        assertThat(completed.get("outstanding").asString()).isEqualTo("0.00");
        assertThat(statuses(completed)).containsExactly("PAID", "PAID", "PAID");
        assertThat(api.get(base + "/installment-plans", "auditor").json().size()).isEqualTo(1);

        // The penalty: January for 17 February-31 March (before the deferral), the missed second installment
        // (due Monday 3 August: 1 August was a Saturday) for 4 August-15 September; nothing while deferred or
        // restructured, nothing for kept installments.
        Money expected = calculator.calculate(List.of(
                paidOn("ENERGY-2026-01", "2026-01", "1000.00", januaryDue, "2026-03-31"),
                paidOn("ENERGY-2026-02", "2026-02", "1000.00", februaryDue, "2026-03-31"),
                paidOn("P1:2", "2026-08", "666.66", LocalDate.of(2026, 8, 3), "2026-09-15")),
                LocalDate.of(2026, 11, 25)).total();
        assertThat(expected.isPositive()).isTrue();
        JsonNode penalty = ok(api.get(base + "/penalty?asOf=2026-11-25", "auditor"));
        assertThat(penalty.get("owed").asString()).isEqualTo(expected.toDecimalString());
        assertThat(penalty.get("dueDateShifts").size()).isEqualTo(2);
        assertThat(penalty.toString()).contains("P1:2").doesNotContain("P1:1").doesNotContain("P1:3");
        created(api.post(base + "/penalty-accruals", "operator", "{\"asOf\": \"2026-11-25\"}"));

        // The money: 2000.00 charged, 2000.00 paid, the penalty accrued is the balance; no debt is overdue.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                ok(api.get(base + "/balance", "finance")).get("balance").asString()).isEqualTo(expected.toDecimalString()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode statement = ok(api.get(base + "/statement?from=2026-01-01&to=2026-12-31", "finance"));
            assertThat(statement.get("closingBalance").asString()).isEqualTo(expected.toDecimalString());
            // Deferral and plan move no money: charges, payments and the penalty are the only movements.
            assertThat(statement.get("movements").size()).isEqualTo(5);
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(overdueRow(account, "2026-11-25")).isNull());

        // The relief statistics: what was deferred and restructured, both reliefs ended; after the deferral's
        // early end the debt was overdue until the plan settled it on 1 June (cured), and overdue again when the
        // second installment was missed (re-default); after the completed plan nothing was overdue.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode deferred = ok(api.get("/api/v1/relief-programs/" + deferral + "/statistics", "finance")).get("total");
            assertThat(deferred.get("deferred").asString()).isEqualTo("2000.00");
            assertThat(deferred.get("completed").asLong()).isEqualTo(1);
            assertThat(deferred.get("cured").asLong()).isEqualTo(1);
            assertThat(deferred.get("reDefaulted").asLong()).isEqualTo(1);
            JsonNode plans = ok(api.get("/api/v1/relief-programs/" + instalments + "/statistics", "finance")).get("total");
            assertThat(plans.get("restructured").asString()).isEqualTo("2000.00");
            assertThat(plans.get("completed").asLong()).isEqualTo(1);
            assertThat(plans.get("defaulted").asLong()).isZero();
            assertThat(plans.get("cured").asLong()).isEqualTo(1);
            assertThat(plans.get("reDefaulted").asLong()).isZero();
        });
    }

    @Test
    void twoMissesDefaultThePlanAndTheRestFallsDueAtOnce() {
        String account = open();
        charge(account, "2026-01");
        charge(account, "2026-02");
        String instalments = programme("INSTALLMENT",
                "\"minInstallments\": 2, \"maxInstallments\": 6, \"missesBeforeDefault\": 2");
        String base = "/api/v1/accounts/" + account;
        enrol(instalments, account, "2026-06-01");
        created(agree(account, instalments, "P1", "3"));

        // Installment 2 is scheduled for Saturday 1 Aug 2026, so it falls due on Monday 3 Aug (Civil Code
        // art. 193); missed, it defaults the plan the day after.
        JsonNode review = created(api.post(base + "/installment-reviews", "operator", "{}"));
        assertThat(review.get("missed").size()).isEqualTo(2);
        assertThat(review.get("defaulted").get(0).get("defaultedOn").asString()).isEqualTo("2026-08-04");
        assertThat(ok(api.post(base + "/installment-reviews", "operator", "{}")).get("missed").size()).isZero();
        JsonNode plan = ok(api.get(base + "/installment-plans/P1", "finance"));
        assertThat(plan.get("status").asString()).isEqualTo("DEFAULTED");
        assertThat(plan.get("schedule").get(2).get("dueDate").asString()).isEqualTo("2026-08-04");
        assertThat(plan.get("schedule").get(2).get("scheduledDueDate").asString()).isEqualTo("2026-09-01");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode row = overdueRow(account, "2026-08-05");
            assertThat(row).isNotNull();
            assertThat(row.get("overdueAmount").asString()).isEqualTo("2000.00");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode total = ok(api.get("/api/v1/relief-programs/" + instalments + "/statistics", "finance")).get("total");
            assertThat(total.get("defaulted").asLong()).isEqualTo(1);
            assertThat(total.get("completed").asLong()).isZero();
            assertThat(total.get("restructured").asString()).isEqualTo("2000.00");
        });
        // A new plan may follow a defaulted one.
        // Two days ahead, so a run crossing midnight cannot make it today.
        Api.Response future = api.post(base + "/installment-reviews", "operator", "{\"asOf\": \"%s\"}"
                .formatted(TestDates.today().plusDays(2)));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("code").asString()).isEqualTo("DATE_IN_FUTURE");
        assertThat(api.get(base + "/installment-plans/NOPE", "finance").status()).isEqualTo(404);
    }

    private PenaltyDebt paidOn(String chargeId, String period, String amount, LocalDate due, String paidOn) {
        return new PenaltyDebt(ChargeId.of(chargeId), BillingPeriod.parse(period), Money.parse(amount), due,
                List.of(new DebtPart(Money.parse(amount), LocalDate.parse(paidOn))));
    }

    private static List<String> amounts(JsonNode plan) {
        return plan.get("schedule").valueStream().map(i -> i.get("amount").asString()).toList();
    }

    private static List<String> statuses(JsonNode plan) {
        return plan.get("schedule").valueStream().map(i -> i.get("status").asString()).toList();
    }

    private JsonNode overdueRow(String account, String asOf) {
        JsonNode page = ok(api.get("/api/v1/overdue?region=" + REGION + "&limit=1000&asOf=" + asOf, "finance"));
        for (JsonNode row : page.get("accounts")) {
            if (row.get("accountId").asString().equals(account)) {
                return row;
            }
        }
        return null;
    }

    private Api.Response agree(String account, String programme, String planId, String installments) {
        return api.post("/api/v1/accounts/" + account + "/installment-plans", "operator", """
                {"planId": "%s", "programId": "%s", "installments": "%s", "agreedOn": "2026-06-01",
                 "firstDueDate": "2026-07-01"}""".formatted(planId, programme, installments));
    }

    private void pay(String account, String id, String amount, String on) {
        created(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                {"paymentId": "%s", "amount": "%s", "channel": "CASH_OFFICE", "receivedOn": "%s"}"""
                .formatted(id, amount, on)));
    }

    private void enrol(String programme, String account, String on) {
        created(api.post("/api/v1/programmes/" + programme + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "%s"}""".formatted(account, on)));
    }

    private String programme(String kind, String extra) {
        String id = ("P-" + Api.newAccountId());
        id = id.substring(0, Math.min(32, id.length()));
        created(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Relief", "kind": "%s", "activeFrom": "2026-01-01", %s}"""
                .formatted(id, kind, extra)));
        return id;
    }

    private String open() {
        String id = Api.newAccountId();
        created(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Kuznetsova", "regionCode": "%s", "openedOn": "2026-01-01"}"""
                .formatted(id, REGION)));
        return id;
    }

    /** Billed on the first day after its month. */
    private LocalDate charge(String account, String period) {
        JsonNode charge = created(api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                {"billingPeriod": "%s", "amount": "1000.00", "postedOn": "%s"}""".formatted(period,
                BillingPeriod.parse(period).next().firstDay())));
        return LocalDate.parse(charge.get("dueDate").asString());
    }

    private static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
