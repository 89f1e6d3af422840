package ru.utility.ledger.api.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.core.api.BillingPeriod;

/**
 * The debt-and-relief issue's "done when", through the REST API only: a pensioner whose history crosses the
 * 2020 moratorium and the capped-rate years of 2022-2026, a deferral ended early, the debt restructured into
 * installments, one missed, the rest paid, a penalty run, and a pensioner's discount; every figure is checked
 * against a hand calculation and its explanation.
 *
 * <p>The story is told as of 25 November 2026, whatever day the suite runs: each charge is posted with the date
 * it was billed on (the first day of the next month, as a migration from the previous system would post it),
 * payments with their value dates, and the discount follows the posting date of the November charge.
 *
 * <p>Penalties by hand (Housing Code art. 155 p.14: days 31-90 at 1/300, from day 91 at 1/130 of the rate in
 * force on the day of payment; each charge rounded once):
 * <ul>
 *   <li>2019-12, 1000.00 due 10 Jan 2020, paid 1 Mar 2021 (416 days; key rate 4.25%). Days 31-90 are 10 Feb -
 *       9 Apr 2020, of which 6-9 Apr lie in the moratorium of Decree 424: 56 accruing days; days 91-416 are
 *       10 Apr 2020 - 1 Mar 2021, of which 1 Jan - 1 Mar 2021 (60 days) accrue.
 *       100000 kop x 4.25% x (56/300 + 60/130) = 2754.87 kop = 27.55.</li>
 *   <li>2022-03, 2000.00 due 11 Apr 2022 (the 10th was a Sunday), paid 1 Sep 2022 (143 days). The payment day
 *       precedes Decree 1681 (23 Sep 2022), which brought the lesser-of wording, so Decree 474's original fixed
 *       9.5% counts although the key rate was 8%. The debt arose after 1 Apr 2022, so the bankruptcy moratorium
 *       of Decree 497 does not cover it: 200000 x 9.5% x (60/300 + 53/130) = 11546.15 kop = 115.46.</li>
 *   <li>2026-01, 1000.00 due 10 Feb 2026, deferred from 1 Apr: 11 Feb - 31 Mar is 49 days, 19 of them at
 *       1/300 of 9.5% (Decree 329: the lesser of 9.5% and the 15.5% key rate): 100000 x 9.5% x 19/300 = 601.67 kop = 6.02. The early end on 15 May moves
 *       its due date there; 16 days later it is restructured: nothing more.</li>
 *   <li>2026-02, 1000.00 due 10 Mar 2026: 21 days before the deferral, 16 after it: nothing.</li>
 *   <li>Installment 2 of 666.66, scheduled for 1 Aug 2026, a Saturday, so due Monday 3 Aug (Civil Code
 *       art. 193), missed, paid 15 Sep: 4 Aug - 15 Sep is 43 days, days 31-43 (3-15 Sep) at 1/300 of 9.5% (the
 *       lesser of 9.5% and the 15.5% key rate): 66666 x 9.5% x 13/300 = 274.44 kop = 2.74. Installments 1 and
 *       3 were paid by their due dates: nothing.</li>
 * </ul>
 * Total 27.55 + 115.46 + 6.02 + 2.74 = 151.77.
 */
@LedgerIntegrationTest
class ReliefJourneyTest {

    static final String REGION = "96";

    @LocalServerPort
    int port;

    @Test
    void aPensionersDebtDeferredRestructuredMissedPaidAndPenalisedAcrossTheMoratoriumAndTheFixedRateYears() {
        Api api = new Api(port);
        String account = Api.newAccountId();
        String base = "/api/v1/accounts/" + account;
        String unique = account.substring(account.length() - 8);
        created(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Ivanova Anna", "regionCode": "%s", "openedOn": "2019-06-01"}"""
                .formatted(account, REGION)));
        created(api.post(base + "/social-categories", "operator", """
                {"category": "PENSIONER", "validFrom": "2019-06-01", "documentReference": "Pension certificate 77-001"}"""));

        // The history: two old debts paid late, two 2026 charges left unpaid.
        assertThat(charge(api, base, "2019-12", "1000.00")).isEqualTo("2020-01-10");
        assertThat(charge(api, base, "2022-03", "2000.00")).isEqualTo("2022-04-11");
        assertThat(charge(api, base, "2026-01", "1000.00")).isEqualTo("2026-02-10");
        assertThat(charge(api, base, "2026-02", "1000.00")).isEqualTo("2026-03-10");
        pay(api, base, "PAY-2021", "1000.00", "2021-03-01");
        pay(api, base, "PAY-2022", "2000.00", "2022-09-01");

        // Defer the 2026 debt from 1 April to 30 June; the holder found work and it ended on 15 May.
        String deferral = programme(api, "DEF-" + unique, "DEFERRAL", "\"maxDeferralMonths\": 3");
        enrol(api, deferral, account, "2026-04-01");
        JsonNode granted = created(api.post(base + "/deferrals", "operator", """
                {"deferralId": "D1", "programId": "%s", "grantedOn": "2026-04-01", "endsOn": "2026-06-30"}"""
                .formatted(deferral)));
        assertThat(granted.toString()).contains("ENERGY-2026-01", "ENERGY-2026-02");
        created(api.post(base + "/deferrals/D1/end", "operator", """
                {"endedOn": "2026-05-15", "reason": "Found work"}"""));

        // Restructure it into three installments; pay the first, miss the second, pay the rest late.
        String instalments = programme(api, "INS-" + unique, "INSTALLMENT",
                "\"minInstallments\": 2, \"maxInstallments\": 12, \"missesBeforeDefault\": 2");
        enrol(api, instalments, account, "2026-06-01");
        JsonNode plan = created(api.post(base + "/installment-plans", "operator", """
                {"planId": "P1", "programId": "%s", "installments": "3", "agreedOn": "2026-06-01",
                 "firstDueDate": "2026-07-01"}""".formatted(instalments)));
        assertThat(plan.get("total").asString()).isEqualTo("2000.00");
        assertThat(schedule(plan, "amount")).containsExactly("666.66", "666.66", "666.68");
        assertThat(schedule(plan, "dueDate")).containsExactly("2026-07-01", "2026-08-03", "2026-09-01");
        pay(api, base, "PAY-I1", "666.66", "2026-06-25");
        JsonNode review = ok(api.post("/api/v1/installment-reviews", "operator", """
                {"asOf": "2026-08-20", "accountIds": ["%s"]}""".formatted(account)));
        assertThat(review.get("missesRecorded").asInt()).isEqualTo(1);
        assertThat(schedule(ok(api.get(base + "/installment-plans/P1", "finance")), "status"))
                .containsExactly("PAID", "MISSED", "MISSED");
        pay(api, base, "PAY-REST", "1333.34", "2026-09-15");
        JsonNode completed = ok(api.get(base + "/installment-plans/P1", "finance"));
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(schedule(completed, "status")).containsExactly("PAID", "PAID", "PAID");

        // The penalty run, and its explanation charge by charge.
        JsonNode run = ok(api.post("/api/v1/penalty-runs", "operator", """
                {"asOf": "2026-11-25", "accountIds": ["%s"]}""".formatted(account)));
        assertThat(run.get("accountsPosted").asInt()).as(run.toString()).isEqualTo(1);
        JsonNode penalty = ok(api.get(base + "/penalty?asOf=2026-11-25", "auditor"));
        assertThat(penalty.get("owed").asString()).isEqualTo("151.77");
        assertThat(penalty.get("accrued").asString()).isEqualTo("151.77");
        assertThat(penalty.get("unposted").asString()).isEqualTo("0.00");
        assertThat(chargePenalties(penalty)).containsExactly(
                "ENERGY-2019-12 27.55", "ENERGY-2022-03 115.46", "ENERGY-2026-01 6.02", "P1:2 2.74");
        JsonNode old = charge(penalty, "ENERGY-2019-12").get("parts").get(0);
        assertThat(old.get("overdueDays").asInt()).isEqualTo(416);
        assertThat(old.get("rate").get("percent").asString()).isEqualTo("4.25");
        assertThat(old.get("rate").get("rule").asString()).isEqualTo("KEY_RATE");
        assertThat(old.get("bands").toString()).contains("Government Decree No. 424");
        long moratoriumDays = 0;
        for (JsonNode band : old.get("bands")) {
            if (band.hasNonNull("moratorium")) {
                moratoriumDays += band.get("days").asLong();
                assertThat(new BigDecimal(band.get("amount").asString())).isZero();
            }
        }
        assertThat(moratoriumDays).isEqualTo(4 + 266);
        JsonNode fixed = charge(penalty, "ENERGY-2022-03").get("parts").get(0);
        assertThat(fixed.get("rate").get("percent").asString()).isEqualTo("9.50");
        assertThat(fixed.get("rate").get("rule").asString()).isEqualTo("FIXED");
        assertThat(fixed.get("rate").get("source").asString()).contains("Decree No. 474");
        assertThat(penalty.get("dueDateShifts").toString()).contains("ENERGY-2026-01", "2026-05-15");

        // The pensioner's discount: 30% of the November energy charge, credited with it.
        created(api.post("/api/v1/programmes", "operator", """
                {"programId": "PENS-%s", "name": "Pensioners 30%%", "kind": "DISCOUNT", "activeFrom": "2026-11-01",
                 "categories": ["PENSIONER"], "percent": "30"}""".formatted(unique)));
        enrol(api, "PENS-" + unique, account, "2026-11-01");
        created(api.post(base + "/charges", "operator", """
                {"billingPeriod": "2026-11", "amount": "1000.00", "kwh": "400", "postedOn": "2026-11-25"}"""));

        // 6000.00 charged - 5000.00 paid - 300.00 discount + 151.77 penalties.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode balance = ok(api.get(base + "/balance", "finance"));
            assertThat(balance.get("balance").asString()).isEqualTo("851.77");
            assertThat(balance.get("totalPenalties").asString()).isEqualTo("151.77");
            assertThat(balance.get("totalRelief").asString()).isEqualTo("300.00");
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode statement = ok(api.get(base + "/statement?from=2019-06-01&to=2026-11-30", "finance"));
            assertThat(statement.get("openingBalance").asString()).isEqualTo("0.00");
            assertThat(statement.get("closingBalance").asString()).isEqualTo("851.77");
            assertThat(statement.get("movements").size()).isEqualTo(5 + 4 + 1 + 1);
        });
        // The auditor's balance, computed from the event store, agrees.
        assertThat(ok(api.get(base + "/balance?asOf=2099-12-31", "auditor")).get("balance").asString())
                .isEqualTo("851.77");
        // Nothing is overdue: the November charge is due on 15 December, the penalties have no due date.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode page = ok(api.get("/api/v1/overdue?region=" + REGION + "&limit=1000&asOf=2026-11-25", "finance"));
            assertThat(page.get("accounts").toString()).doesNotContain(account);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode discount = ok(api.get("/api/v1/relief-programs/PENS-" + unique + "/statistics", "finance"))
                    .get("total");
            assertThat(discount.get("discounted").asString()).isEqualTo("300.00");
            JsonNode deferred = ok(api.get("/api/v1/relief-programs/" + deferral + "/statistics", "finance"))
                    .get("total");
            assertThat(deferred.get("deferred").asString()).isEqualTo("2000.00");
            JsonNode restructured = ok(api.get("/api/v1/relief-programs/" + instalments + "/statistics", "finance"))
                    .get("total");
            assertThat(restructured.get("restructured").asString()).isEqualTo("2000.00");
            assertThat(restructured.get("completed").asLong()).isEqualTo(1);
        });
        assertThat(ok(api.get(base + "/integrity", "auditor")).get("valid").asBoolean()).isTrue();
    }

    private static String programme(Api api, String id, String kind, String parameters) {
        created(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Relief %s", "kind": "%s", "activeFrom": "2026-01-01", %s}"""
                .formatted(id, kind, kind, parameters)));
        return id;
    }

    private static void enrol(Api api, String programme, String account, String on) {
        created(api.post("/api/v1/programmes/" + programme + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "%s"}""".formatted(account, on)));
    }

    /** Posted on the first day after its period, the day it was billed. */
    private static String charge(Api api, String base, String period, String amount) {
        String postedOn = BillingPeriod.parse(period).next().firstDay().toString();
        return created(api.post(base + "/charges", "operator", """
                {"billingPeriod": "%s", "amount": "%s", "postedOn": "%s"}""".formatted(period, amount, postedOn)))
                .get("dueDate").asString();
    }

    private static void pay(Api api, String base, String id, String amount, String on) {
        created(api.post(base + "/payments", "operator", """
                {"paymentId": "%s", "amount": "%s", "channel": "BANK_REGISTRY", "receivedOn": "%s"}"""
                .formatted(id, amount, on)));
    }

    private static List<String> schedule(JsonNode plan, String field) {
        return plan.get("schedule").valueStream().map(i -> i.get(field).asString()).toList();
    }

    private static List<String> chargePenalties(JsonNode penalty) {
        List<String> lines = new ArrayList<>();
        penalty.get("charges").forEach(c -> lines.add(c.get("chargeId").asString() + " " + c.get("penalty").asString()));
        return lines;
    }

    private static JsonNode charge(JsonNode penalty, String chargeId) {
        for (JsonNode c : penalty.get("charges")) {
            if (c.get("chargeId").asString().equals(chargeId)) {
                return c;
            }
        }
        throw new AssertionError("no charge " + chargeId + " in " + penalty);
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
