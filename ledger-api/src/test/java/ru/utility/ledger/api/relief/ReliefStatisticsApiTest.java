package ru.utility.ledger.api.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.core.api.LedgerTime;

/**
 * Relief statistics through the API, every figure checked to the kopeck. Statistics are as of today by the
 * ledger's clock; the histories use business dates in the past (value dates of payments, enrolment days,
 * closures), which is what the cure figures are computed from, placed relative to today where a figure
 * depends on how long ago they were. Each test's programmes are its own.
 */
@LedgerIntegrationTest
class ReliefStatisticsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /**
     * A DISCOUNT programme still running: two holders in two regions under two categories, discounts on the
     * charges posted today, payments before and after enrolment, one of them reversed.
     */
    @Test
    void aRunningDiscountProgrammeCountsEnrolmentsDiscountsAndCollections() {
        String program = programId("D");
        launch(program, "DISCOUNT", "\"categories\": [\"PENSIONER\", \"LARGE_FAMILY\"], \"percent\": \"30\"");
        // A1, region 61, pensioner: 500.00 paid before enrolment (not collected), 700.00 after.
        String a1 = account("61");
        grant(a1, "PENSIONER");
        pay(a1, "PA0", "500.00", "2026-02-15");
        enrol(program, a1, "2026-03-01");
        charge(a1, "2026-10", "1000.00");
        pay(a1, "PA1", "700.00", "2026-11-20");
        // A2, region 62, large family and disabled (the programme counts it as LARGE_FAMILY): 30% of 200.00 and
        // of 333.33 (99.999 rounds to 100.00); 100.00 collected, 50.00 paid and recalled.
        String a2 = account("62");
        grant(a2, "LARGE_FAMILY");
        grant(a2, "DISABLED");
        enrol(program, a2, "2026-04-10");
        charge(a2, "2026-09", "200.00");
        charge(a2, "2026-10", "333.33");
        pay(a2, "PB1", "100.00", "2026-05-01");
        pay(a2, "PB2", "50.00", "2026-06-01");
        ok(api.post("/api/v1/accounts/" + a2 + "/payments/PB2/reversal", "operator", """
                {"reason": "Bank recall", "reversedOn": "2026-06-03"}"""));

        JsonNode stats = await().atMost(Duration.ofSeconds(20)).until(() -> statistics(program, "region"),
                s -> s.get("total").get("collected").asString().equals("800.00")
                        && s.get("total").get("discounted").asString().equals("460.00"));
        assertThat(stats.get("programId").asString()).isEqualTo(program);
        assertThat(stats.get("kind").asString()).isEqualTo("DISCOUNT");
        assertIsToday(stats.get("asOf"));
        assertThat(stats.get("groupBy").asString()).isEqualTo("region");
        JsonNode total = stats.get("total");
        assertThat(counts(total)).isEqualTo("enrolled=2 active=2 completed=0 defaulted=0");
        assertThat(money(total)).isEqualTo("deferred=0.00 restructured=0.00 discounted=460.00 compensated=0.00 "
                + "penaltiesForgone=0.00 collected=800.00");
        assertThat(cure(total)).isEqualTo("ended=0 cured=0 notCured=0 pending=0 cureRate=null reDefaulted=0 "
                + "reDefaultRate=null median=null");
        assertThat(groups(stats)).isEqualTo("61,62");
        assertThat(money(group(stats, "61"))).isEqualTo("deferred=0.00 restructured=0.00 discounted=300.00 "
                + "compensated=0.00 penaltiesForgone=0.00 collected=700.00");
        assertThat(money(group(stats, "62"))).isEqualTo("deferred=0.00 restructured=0.00 discounted=160.00 "
                + "compensated=0.00 penaltiesForgone=0.00 collected=100.00");

        JsonNode byCategory = statistics(program, "category");
        assertThat(groups(byCategory)).isEqualTo("LARGE_FAMILY,PENSIONER");
        assertThat(group(byCategory, "PENSIONER").get("discounted").asString()).isEqualTo("300.00");
        assertThat(group(byCategory, "LARGE_FAMILY").get("discounted").asString()).isEqualTo("160.00");
        JsonNode byMonth = statistics(program, "month");
        assertThat(groups(byMonth)).isEqualTo("2026-03,2026-04");
        assertThat(counts(group(byMonth, "2026-04"))).isEqualTo("enrolled=1 active=1 completed=0 defaulted=0");
        JsonNode plain = statistics(program, null);
        assertThat(plain.get("groupBy").isNull()).isTrue();
        assertThat(plain.get("groups")).isEmpty();
        assertThat(plain.get("total")).isEqualTo(total);
    }

    /**
     * A COMPENSATION programme closed on 1 July (relief ends 30 June; the 90 days ended 28 September):
     * K1 (region 63, disabled) is overdue at the end and recovers on 20 July, K2 (region 63, no category) has
     * no overdue debt at the end (day 0) but pays a later charge late, K3 (region 64, pensioner, enrolled in May)
     * never pays the rest.
     */
    @Test
    void aClosedCompensationProgrammeShowsCureReDefaultAndDaysToRecovery() {
        String program = programId("C");
        launch(program, "COMPENSATION", "\"percent\": \"50\", \"budget\": \"10000.00\"");
        String k1 = account("63");
        grant(k1, "DISABLED");
        charge(k1, "2026-04", "1000.00");
        assertThat(enrol(program, k1, "2026-06-01").get("compensation").asString()).isEqualTo("500.00");
        pay(k1, "K1-P", "500.00", "2026-07-20");
        String k2 = account("63");
        charge(k2, "2026-04", "200.00");
        assertThat(enrol(program, k2, "2026-06-01").get("compensation").asString()).isEqualTo("100.00");
        pay(k2, "K2-P1", "100.00", "2026-06-10");
        String julyDue = charge(k2, "2026-07", "300.00");
        assertThat(julyDue).isEqualTo("2026-08-17");
        pay(k2, "K2-P2", "300.00", "2026-09-01");
        String k3 = account("64");
        grant(k3, "PENSIONER");
        charge(k3, "2026-04", "400.00");
        assertThat(enrol(program, k3, "2026-05-20").get("compensation").asString()).isEqualTo("200.00");
        ok(api.post("/api/v1/programmes/" + program + "/closure", "operator", """
                {"closedOn": "2026-07-01", "reason": "Budget decision"}"""));

        // Every total is awaited, not only collected and completed: a payment is collected when it is recorded but
        // cures only when allocated, and a compensation follows its enrolment; those later events of the same
        // command may reach the projection in its next batch.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode total = statistics(program, null).get("total");
            assertThat(counts(total)).isEqualTo("enrolled=3 active=0 completed=3 defaulted=0");
            assertThat(money(total)).isEqualTo("deferred=0.00 restructured=0.00 discounted=0.00 compensated=800.00 "
                    + "penaltiesForgone=0.00 collected=900.00");
            assertThat(cure(total)).isEqualTo("ended=3 cured=2 notCured=1 pending=0 cureRate=0.6667 reDefaulted=1 "
                    + "reDefaultRate=0.5000 median=10.0");
        });
        JsonNode stats = statistics(program, "region");
        assertThat(groups(stats)).isEqualTo("63,64");
        assertThat(cure(group(stats, "63"))).isEqualTo("ended=2 cured=2 notCured=0 pending=0 cureRate=1.0000 "
                + "reDefaulted=1 reDefaultRate=0.5000 median=10.0");
        assertThat(money(group(stats, "63"))).isEqualTo("deferred=0.00 restructured=0.00 discounted=0.00 "
                + "compensated=600.00 penaltiesForgone=0.00 collected=900.00");
        assertThat(cure(group(stats, "64"))).isEqualTo("ended=1 cured=0 notCured=1 pending=0 cureRate=0.0000 "
                + "reDefaulted=0 reDefaultRate=null median=null");
        assertThat(money(group(stats, "64"))).isEqualTo("deferred=0.00 restructured=0.00 discounted=0.00 "
                + "compensated=200.00 penaltiesForgone=0.00 collected=0.00");

        JsonNode byCategory = statistics(program, "category");
        assertThat(groups(byCategory)).isEqualTo("DISABLED,NONE,PENSIONER");
        assertThat(cure(group(byCategory, "DISABLED"))).isEqualTo("ended=1 cured=1 notCured=0 pending=0 "
                + "cureRate=1.0000 reDefaulted=0 reDefaultRate=0.0000 median=20.0");
        assertThat(cure(group(byCategory, "NONE"))).isEqualTo("ended=1 cured=1 notCured=0 pending=0 "
                + "cureRate=1.0000 reDefaulted=1 reDefaultRate=1.0000 median=0.0");
        JsonNode byMonth = statistics(program, "month");
        assertThat(groups(byMonth)).isEqualTo("2026-05,2026-06");
        assertThat(group(byMonth, "2026-06").get("compensated").asString()).isEqualTo("600.00");
        assertThat(group(byMonth, "2026-05").get("notCured").asLong()).isEqualTo(1);
    }

    /**
     * Relief that ended 82 days ago: its 90 days run until 8 days from now. An account not yet back to no overdue
     * debt is pending (outside the rate); one that recovered 21 days after the relief ended is cured.
     */
    @Test
    void accountsWhoseNinetyDaysAreNotOverArePendingUnlessAlreadyRecovered() {
        LocalDate closedOn = LedgerTime.today(clock).minusDays(81);
        String program = programId("P");
        launch(program, "COMPENSATION", "\"percent\": \"50\"");
        String m1 = account("65");
        charge(m1, "2026-04", "600.00");
        enrol(program, m1, "2026-06-01");
        String m2 = account("65");
        charge(m2, "2026-04", "100.00");
        enrol(program, m2, "2026-06-01");
        pay(m2, "M2-P", "50.00", closedOn.plusDays(20).toString());
        ok(api.post("/api/v1/programmes/" + program + "/closure", "operator", """
                {"closedOn": "%s", "reason": "Window shortened"}""".formatted(closedOn)));

        // Awaited whole: M2-P is collected once recorded but cures only once its allocation, a later event of the
        // same command, is projected; each compensation likewise follows its enrolment.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode total = statistics(program, null).get("total");
            assertThat(cure(total)).isEqualTo("ended=2 cured=1 notCured=0 pending=1 cureRate=1.0000 "
                    + "reDefaulted=0 reDefaultRate=0.0000 median=21.0");
            assertThat(money(total)).isEqualTo("deferred=0.00 restructured=0.00 discounted=0.00 "
                    + "compensated=350.00 penaltiesForgone=0.00 collected=50.00");
        });
        JsonNode stats = statistics(program, null);

        // The all-programme summary lists this programme with the same figures.
        JsonNode summary = ok(api.get("/api/v1/relief-programs/statistics", "auditor"));
        assertIsToday(summary.get("asOf"));
        JsonNode listed = null;
        for (JsonNode entry : summary.get("programs")) {
            if (entry.get("programId").asString().equals(program)) {
                listed = entry;
            }
        }
        assertThat(listed).as(summary.toString()).isNotNull();
        assertThat(listed.get("kind").asString()).isEqualTo("COMPENSATION");
        assertThat(listed.get("name").asString()).isEqualTo("Relief " + program);
        assertThat(listed.get("figures")).isEqualTo(stats.get("total"));
        assertThat(summary.get("total").get("enrolled").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void unknownProgrammeAndBadGroupingAreProblems() {
        Api.Response unknown = api.get("/api/v1/relief-programs/NO-SUCH-PROGRAMME/statistics", "finance");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("code").asString()).isEqualTo("UNKNOWN_PROGRAM");
        String program = programId("V");
        launch(program, "DISCOUNT", "\"percent\": \"10\"");
        Api.Response bad = api.get("/api/v1/relief-programs/" + program + "/statistics?groupBy=city", "finance");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("groupBy");
        assertThat(bad.json().get("errors").get(0).get("reason").asString())
                .isEqualTo("must be one of [region, category, month]");
        Api.Response badId = api.get("/api/v1/relief-programs/no%20such/statistics", "finance");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("errors").get(0).get("field").asString()).isEqualTo("programId");
        // A programme nobody joined has zero figures.
        JsonNode empty = ok(api.get("/api/v1/relief-programs/" + program + "/statistics?groupBy=month", "finance"));
        assertThat(counts(empty.get("total"))).isEqualTo("enrolled=0 active=0 completed=0 defaulted=0");
        assertThat(empty.get("total").get("collected").asString()).isEqualTo("0.00");
        assertThat(empty.get("groups")).isEmpty();
    }

    /** Today by the ledger's clock: either day, should the run cross midnight between the request and here. */
    private void assertIsToday(JsonNode asOf) {
        assertThat(LocalDate.parse(asOf.asString())).isBetween(LedgerTime.today(clock).minusDays(1),
                LedgerTime.today(clock));
    }

    private JsonNode statistics(String program, String groupBy) {
        return ok(api.get("/api/v1/relief-programs/" + program + "/statistics"
                + (groupBy == null ? "" : "?groupBy=" + groupBy), "finance"));
    }

    private static String counts(JsonNode f) {
        return "enrolled=" + f.get("enrolled").asLong() + " active=" + f.get("active").asLong() + " completed="
                + f.get("completed").asLong() + " defaulted=" + f.get("defaulted").asLong();
    }

    private static String money(JsonNode f) {
        return "deferred=" + f.get("deferred").asString() + " restructured=" + f.get("restructured").asString()
                + " discounted=" + f.get("discounted").asString() + " compensated=" + f.get("compensated").asString()
                + " penaltiesForgone=" + f.get("penaltiesForgone").asString() + " collected="
                + f.get("collected").asString();
    }

    private static String cure(JsonNode f) {
        return "ended=" + f.get("reliefEnded").asLong() + " cured=" + f.get("cured").asLong() + " notCured="
                + f.get("notCured").asLong() + " pending=" + f.get("pending").asLong() + " cureRate="
                + text(f.get("cureRate")) + " reDefaulted=" + f.get("reDefaulted").asLong() + " reDefaultRate="
                + text(f.get("reDefaultRate")) + " median=" + text(f.get("medianDaysToRecovery"));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.isNumber() ? node.decimalValue().toPlainString()
                : node.asString();
    }

    private static String groups(JsonNode stats) {
        StringBuilder keys = new StringBuilder();
        stats.get("groups").forEach(g -> keys.append(keys.isEmpty() ? "" : ",").append(g.get("key").asString()));
        return keys.toString();
    }

    private static JsonNode group(JsonNode stats, String key) {
        for (JsonNode group : stats.get("groups")) {
            if (group.get("key").asString().equals(key)) {
                return group.get("figures");
            }
        }
        throw new AssertionError("no group " + key + " in " + stats);
    }

    private static String programId(String tag) {
        String id = "ST" + tag + "-" + Api.newAccountId().substring(2);
        return id.substring(0, Math.min(32, id.length()));
    }

    /** Running from 2026 until a year from today, so "active" and "pending" mean the same on any run date. */
    private void launch(String id, String kind, String extra) {
        ok(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Relief %s", "kind": "%s", "activeFrom": "2026-01-01",
                 "activeTo": "%s", %s}""".formatted(id, id, kind, LedgerTime.today(clock).plusYears(1), extra)));
    }

    private String account(String region) {
        String id = Api.newAccountId();
        ok(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Kuznetsova", "regionCode": "%s", "openedOn": "2026-01-01"}"""
                .formatted(id, region)));
        return id;
    }

    private void grant(String account, String category) {
        ok(api.post("/api/v1/accounts/" + account + "/social-categories", "operator", """
                {"category": "%s", "validFrom": "2026-01-01", "documentReference": "Document %s"}"""
                .formatted(category, category)));
    }

    private String charge(String account, String period, String amount) {
        return ok(api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                {"billingPeriod": "%s", "amount": "%s"}""".formatted(period, amount))).get("dueDate").asString();
    }

    private void pay(String account, String paymentId, String amount, String receivedOn) {
        ok(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                {"paymentId": "%s", "amount": "%s", "channel": "BANK_REGISTRY", "receivedOn": "%s"}"""
                .formatted(paymentId, amount, receivedOn)));
    }

    private JsonNode enrol(String program, String account, String on) {
        return ok(api.post("/api/v1/programmes/" + program + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "%s"}""".formatted(account, on)));
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }
}
