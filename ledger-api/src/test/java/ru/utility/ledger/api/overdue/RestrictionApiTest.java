package ru.utility.ledger.api.overdue;

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
import ru.utility.ledger.core.api.BillingPeriod;

/**
 * Restriction notices and candidates through the API, in region 92 that no other test uses. The scenarios
 * are told as of SCENARIO_DAY, in the past on any date the suite runs.
 */
@LedgerIntegrationTest
class RestrictionApiTest {

    static final String SCENARIO_DAY = "2026-11-25";

    @LocalServerPort
    int port;

    /**
     * The threshold (Decree 354 p.118): region 92's norm for an apartment with a gas stove is 100 kWh a month at
     * 10.00 a kWh, 1,000.00 a month, so two months are 2,000.00 whatever an account was actually charged.
     * July to September 2026 fall due on 17 August (15 August a Saturday), 15 September and 15 October. A owes three
     * months of 1,000.00 (3,000.00); its notice reached the holder on 2 November: the 20 days to pay are 3-22
     * November, so A is a candidate from 23 November. B's notice was delivered on 10 November: from 1 December. C owes
     * 2,000.00, exactly the threshold, not more. D's notice was sent but never delivered; E's was delivered on 1
     * August, before any of its debt arose (17 August). F owes two months of 1,500.00 (3,000.00 > 2,000.00: a
     * candidate, though it owes no more than its own last two charges); G three of 600.00 (1,800.00: not, though more
     * than its last two charges); H has no household type, so no norm and no threshold: not a candidate.
     */
    @Test
    void candidatesOweMoreThanTwoMonthsAtTheNormAndGotANoticeAfterTheDebtAndTwentyDaysBefore() {
        Api api = new Api(port);
        norm(api, "92", "APARTMENT_GAS_STOVE", "100", "10.00");
        String a = debtor(api, "07", "08", "09");
        String b = debtor(api, "07", "08", "09");
        String c = debtor(api, "08", "09");
        String d = debtor(api, "07", "08", "09");
        String e = debtor(api, "07", "08", "09");
        String f = debtor(api, "1500.00", true, "08", "09");
        String g = debtor(api, "600.00", true, "07", "08", "09");
        String h = debtor(api, "1000.00", false, "07", "08", "09");
        for (String account : List.of(f, g, h)) {
            notice(api, account, "N-" + account, "2026-11-01", 201);
            deliver(api, account, "N-" + account, "2026-11-02", "IN_PERSON", 201);
        }
        notice(api, a, "N-A", "2026-11-01", 201);
        deliver(api, a, "N-A", "2026-11-02", "REGISTERED_MAIL", 201);
        notice(api, b, "N-B", "2026-11-10", 201);
        deliver(api, b, "N-B", "2026-11-10", "IN_PERSON", 201);
        notice(api, c, "N-C", "2026-11-01", 201);
        deliver(api, c, "N-C", "2026-11-02", "PAYMENT_DOCUMENT", 201);
        notice(api, d, "N-D", "2026-11-01", 201);
        notice(api, e, "N-E", "2026-07-30", 201);
        deliver(api, e, "N-E", "2026-08-01", "IN_PERSON", 201);
        List<String> mine = List.of(a, b, c, d, e, f, g, h);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                own(mine, candidates(api, "region=92&limit=1000&asOf=2026-12-01")).size() == 3);
        assertThat(own(mine, candidates(api, "region=92&limit=1000&asOf=2026-11-22"))).isEmpty();
        List<JsonNode> first = candidates(api, "region=92&limit=1000&asOf=2026-11-23").stream()
                .filter(n -> n.get("accountId").asString().equals(a)).toList();
        assertThat(first).hasSize(1);
        assertThat(first.getFirst().get("overdueAmount").asString()).isEqualTo("3000.00");
        assertThat(first.getFirst().get("twoMonthsAtNorm").asString()).isEqualTo("2000.00");
        assertThat(first.getFirst().get("householdType").asString()).isEqualTo("APARTMENT_GAS_STOVE");
        assertThat(new java.math.BigDecimal(first.getFirst().get("monthlyNormKwh").asString())).isEqualByComparingTo("100");
        assertThat(first.getFirst().get("tariff").asString()).isEqualTo("10.00");
        assertThat(first.getFirst().get("noticeSentOn").asString()).isEqualTo("2026-11-01");
        assertThat(first.getFirst().get("noticeDeliveredOn").asString()).isEqualTo("2026-11-02");
        assertThat(first.getFirst().get("noticeChannel").asString()).isEqualTo("REGISTERED_MAIL");
        assertThat(own(mine, candidates(api, "region=92&limit=1000&asOf=2026-11-23")))
                .containsExactlyElementsOf(sorted(a, f));
        assertThat(own(mine, candidates(api, "region=92&limit=1000&asOf=2026-11-30")))
                .containsExactlyElementsOf(sorted(a, f));
        assertThat(own(mine, candidates(api, "region=92&limit=1000&asOf=2026-12-01")))
                .containsExactlyElementsOf(sorted(a, b, f));
        // The same rule filters the overdue list.
        JsonNode eligible = api.get("/api/v1/overdue?region=92&restrictionEligible=true&limit=1000&asOf=2026-11-23",
                "finance").json();
        List<String> listed = new ArrayList<>();
        eligible.get("accounts").forEach(n -> listed.add(n.get("accountId").asString()));
        assertThat(listed.stream().filter(mine::contains).sorted().toList()).containsExactlyElementsOf(sorted(a, f));

        // Paying a month brings A down to two months at the norm: no longer a candidate.
        assertThat(api.post("/api/v1/accounts/" + a + "/payments", "operator", """
                {"paymentId": "PAY-A", "amount": "1000.00", "channel": "CASH_OFFICE", "receivedOn": "2026-11-24"}""")
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                own(mine, candidates(api, "region=92&limit=1000&asOf=" + SCENARIO_DAY)).equals(List.of(f)));

        // During a moratorium nobody is a candidate.
        JsonNode moratorium = api.get("/api/v1/restriction-candidates?asOf=2020-06-01", "finance").json();
        assertThat(moratorium.get("moratorium").get("from").asString()).isEqualTo("2020-04-06");
        assertThat(moratorium.get("candidates")).isEmpty();

        // A notice is an event on the account but not a money movement: the statement does not show it. Awaited: the
        // candidates above come from the overdue projection; the statement (and its 404 until the balances projection
        // knows the account) from two others, which may still trail it.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response statement = api.get("/api/v1/accounts/" + b + "/statement?from=2025-01-01&to=2099-12-31",
                    "finance");
            assertThat(statement.status()).as(statement.toString()).isEqualTo(200);
            assertThat(statement.json().get("movements")).hasSize(3);
        });
        JsonNode history = api.get("/api/v1/accounts/" + b + "/events", "auditor").json().get("events");
        assertThat(history.get(history.size() - 2).get("type").asString()).isEqualTo("RestrictionNoticeSent");
        assertThat(history.get(history.size() - 1).get("type").asString()).isEqualTo("RestrictionNoticeDelivered");
    }

    /**
     * Decree 354: no restriction while a repayment agreement is kept. The plan restructured January; June to
     * August are unpaid and a notice went out, but the installments are paid on time; once one is missed the
     * plan no longer shields the account.
     */
    @Test
    void aKeptInstallmentPlanExcludesTheAccountUntilAnInstallmentIsMissed() {
        Api api = new Api(port);
        norm(api, "92", "APARTMENT_GAS_STOVE", "100", "10.00");
        String account = debtor(api, "01");
        String base = "/api/v1/accounts/" + account;
        String programme = "RST-" + account.substring(account.length() - 10);
        assertThat(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Installments", "kind": "INSTALLMENT", "activeFrom": "2026-01-01",
                 "minInstallments": 2, "maxInstallments": 12, "missesBeforeDefault": 2}""".formatted(programme))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/programmes/" + programme + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "2026-06-01"}""".formatted(account)).status()).isEqualTo(201);
        Api.Response plan = api.post(base + "/installment-plans", "operator", """
                {"planId": "P1", "programId": "%s", "installments": "6", "agreedOn": "2026-06-01",
                 "firstDueDate": "2026-07-01"}""".formatted(programme));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        for (String month : List.of("06", "07", "08")) {
            assertThat(api.post(base + "/charges", "operator", """
                    {"billingPeriod": "2026-%s", "amount": "1000.00"}""".formatted(month)).status()).isEqualTo(201);
        }
        // Each installment paid on its due date: the August one, scheduled for Saturday 1 August, falls due on
        // Monday 3 August (Civil Code art. 193); paid on the Saturday it would settle older debts first.
        for (String paidOn : List.of("2026-07-01", "2026-08-03", "2026-09-01")) {
            assertThat(api.post(base + "/payments", "operator", """
                    {"paymentId": "I-%s", "amount": "200.00", "channel": "CASH_OFFICE", "receivedOn": "%s"}"""
                    .formatted(paidOn, paidOn)).status()).isEqualTo(201);
        }
        notice(api, account, "N-P", "2026-09-01", 201);
        deliver(api, account, "N-P", "2026-09-01", "IN_PERSON", 201);

        // 3000.00 overdue is over two months of charges, the notice is old enough, but the plan is kept.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/overdue?region=92&asOf=2026-09-25&limit=1000", "finance").body()).contains(account));
        assertThat(candidates(api, "region=92&asOf=2026-09-25&limit=1000"))
                .extracting(n -> n.get("accountId").asString()).doesNotContain(account);

        // The October installment is missed: the agreement is no longer kept.
        Api.Response review = api.post(base + "/installment-reviews", "operator", "{\"asOf\": \"2026-10-05\"}");
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
        assertThat(review.json().get("missed").size()).as(review.toString()).isEqualTo(1);
        assertThat(review.json().get("defaulted").size()).as(review.toString()).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                candidates(api, "region=92&asOf=2026-10-05&limit=1000"))
                .extracting(n -> n.get("accountId").asString()).contains(account));
    }

    @Test
    void aNoticeIsRecordedOnceAndBadInputNamesTheField() {
        Api api = new Api(port);
        String a = debtor(api, "09");
        JsonNode first = notice(api, a, "N-1", "2026-11-02", 201);
        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(notice(api, a, "N-1", "2026-11-02", 200).get("duplicate").asBoolean()).isTrue();
        assertThat(notice(api, a, "N-1", "2026-11-03", 409).get("code").asString()).isEqualTo("IDEMPOTENCY_CONFLICT");
        // Two days ahead, so a run crossing midnight cannot make it today.
        String future = TestDates.today().plusDays(2).toString();
        assertThat(notice(api, a, "N-2", future, 422).get("code").asString()).isEqualTo("DATE_IN_FUTURE");
        assertThat(notice(api, a, "N-2", "2026-02-30", 400).get("errors").get(0).get("field").asString())
                .isEqualTo("sentOn");
        Api.Response noId = api.post("/api/v1/accounts/" + a + "/restriction-notices", "operator", "{}");
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.json().get("errors").get(0).get("field").asString()).isEqualTo("noticeId");
        assertThat(api.post("/api/v1/accounts/" + Api.newAccountId() + "/restriction-notices", "operator", """
                {"noticeId": "N-1"}""").status()).isEqualTo(404);
        // Delivery: once per notice, not before it was sent, of a notice that exists, by a known channel.
        assertThat(deliver(api, a, "N-1", "2026-11-03", "EMAIL", 201).get("duplicate").asBoolean()).isFalse();
        assertThat(deliver(api, a, "N-1", "2026-11-03", "EMAIL", 200).get("duplicate").asBoolean()).isTrue();
        assertThat(deliver(api, a, "N-1", "2026-11-04", "EMAIL", 409).get("code").asString())
                .isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(deliver(api, a, "N-9", "2026-11-03", "EMAIL", 404).get("code").asString()).isEqualTo("UNKNOWN_NOTICE");
        notice(api, a, "N-3", "2026-11-05", 201);
        JsonNode early = deliver(api, a, "N-3", "2026-11-04", "EMAIL", 422);
        assertThat(early.get("code").asString()).isEqualTo("DELIVERY_BEFORE_NOTICE");
        assertThat(early.get("errors").get(0).get("field").asString()).isEqualTo("deliveredOn");
        assertThat(deliver(api, a, "N-3", "2026-11-05", "PIGEON", 400).get("errors").get(0).get("field").asString())
                .isEqualTo("channel");
        assertThat(deliver(api, a, "N-3", future, "EMAIL", 422).get("code").asString()).isEqualTo("DATE_IN_FUTURE");
        for (String query : List.of("asOf=2026-13-01", "region=1", "limit=0", "after=%3D%3D")) {
            Api.Response bad = api.get("/api/v1/restriction-candidates?" + query, "finance");
            assertThat(bad.status()).as(query + " " + bad.body()).isEqualTo(400);
        }
    }

    /** An account in region 92, an apartment with a gas stove, charged 1,000.00 for each month. */
    /** 120.5 kWh at 6.43: a month at the norm is 774.815, rounded half-up 774.82. */
    @Test
    void normsAndHouseholdTypesAreRecordedOnceAndBadInputNamesTheField() {
        Api api = new Api(port);
        String row = """
                {"regionCode": "92", "householdType": "HOUSE_GAS_STOVE", "effectiveFrom": "2020-01-01",
                 "monthlyKwh": "120.5", "tariff": "%s", "source": "Regional orders for 2020"}""";
        Api.Response first = api.post("/api/v1/consumption-norms", "operator", row.formatted("6.43"));
        assertThat(first.status()).as(first.toString()).isIn(200, 201);
        assertThat(first.json().get("monthlyCharge").asString()).isEqualTo("774.82");
        Api.Response again = api.post("/api/v1/consumption-norms", "operator", row.formatted("6.43"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        Api.Response other = api.post("/api/v1/consumption-norms", "operator", row.formatted("6.44"));
        assertThat(other.status()).as(other.toString()).isEqualTo(409);
        assertThat(other.json().get("code").asString()).isEqualTo("NORM_CONFLICT");
        JsonNode listed = api.get("/api/v1/consumption-norms?region=92", "finance").json();
        List<String> rows = new ArrayList<>();
        listed.get("norms").forEach(n -> rows.add(n.get("householdType").asString() + " " + n.get("effectiveFrom").asString()
                + " " + n.get("tariff").asString()));
        assertThat(rows).contains("HOUSE_GAS_STOVE 2020-01-01 6.43");
        for (String[] bad : List.of(new String[] {"householdType", "\"householdType\": \"CASTLE\""},
                new String[] {"monthlyKwh", "\"monthlyKwh\": \"0\""}, new String[] {"tariff", "\"tariff\": \"-1.00\""},
                new String[] {"regionCode", "\"regionCode\": \"9\""}, new String[] {"source", "\"source\": \" \""})) {
            String body = row.formatted("6.43").replaceFirst("\"" + bad[0] + "\": \"[^\"]*\"", bad[1]);
            Api.Response response = api.post("/api/v1/consumption-norms", "operator", body);
            assertThat(response.status()).as(body + " " + response).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(bad[0]);
        }

        String account = debtor(api, "1000.00", false, "09");
        String path = "/api/v1/accounts/" + account + "/household-type";
        assertThat(api.post(path, "operator", "{\"householdType\": \"HOUSE_GAS_STOVE\", \"setOn\": \"2025-02-01\"}")
                .status()).isEqualTo(201);
        Api.Response repeat = api.post(path, "operator", "{\"householdType\": \"HOUSE_GAS_STOVE\"}");
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("setOn").asString()).isEqualTo("2025-02-01");
        Api.Response castle = api.post(path, "operator", "{\"householdType\": \"CASTLE\"}");
        assertThat(castle.status()).isEqualTo(400);
        assertThat(castle.json().get("errors").get(0).get("field").asString()).isEqualTo("householdType");
        Api.Response early = api.post(path, "operator", "{\"householdType\": \"HOUSE_ELECTRIC_STOVE\", \"setOn\": \"2024-12-31\"}");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("code").asString()).isEqualTo("BEFORE_OPENING");
    }

    private static String debtor(Api api, String... months) {
        return debtor(api, "1000.00", true, months);
    }

    private static String debtor(Api api, String amount, boolean household, String... months) {
        String id = Api.newAccountId();
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Dolzhnikov", "regionCode": "92", "openedOn": "2025-01-01"}"""
                .formatted(id)).status()).isEqualTo(201);
        if (household) {
            assertThat(api.post("/api/v1/accounts/" + id + "/household-type", "operator", """
                    {"householdType": "APARTMENT_GAS_STOVE", "setOn": "2025-01-01"}""").status()).isEqualTo(201);
        }
        for (String month : months) {
            // Billed on the first day after its month.
            BillingPeriod period = BillingPeriod.parse("2026-" + month);
            assertThat(api.post("/api/v1/accounts/" + id + "/charges", "operator", """
                    {"billingPeriod": "%s", "amount": "%s", "postedOn": "%s"}""".formatted(period, amount,
                    period.next().firstDay())).status()).isEqualTo(201);
        }
        return id;
    }

    /** Records a norm; another test class of the same run may have recorded the same row (then 200). */
    static void norm(Api api, String region, String type, String kwh, String tariff) {
        Api.Response response = api.post("/api/v1/consumption-norms", "operator", """
                {"regionCode": "%s", "householdType": "%s", "effectiveFrom": "2016-01-01", "monthlyKwh": "%s",
                 "tariff": "%s", "source": "Test norm and tariff"}""".formatted(region, type, kwh, tariff));
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    private static List<String> sorted(String... ids) {
        return java.util.Arrays.stream(ids).sorted().toList();
    }

    private static JsonNode notice(Api api, String account, String noticeId, String sentOn, int status) {
        Api.Response response = api.post("/api/v1/accounts/" + account + "/restriction-notices", "operator", """
                {"noticeId": "%s", "sentOn": "%s"}""".formatted(noticeId, sentOn));
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }

    private static JsonNode deliver(Api api, String account, String noticeId, String deliveredOn, String channel,
                                    int status) {
        Api.Response response = api.post("/api/v1/accounts/" + account + "/restriction-notices/" + noticeId + "/delivery",
                "operator", """
                {"deliveredOn": "%s", "channel": "%s"}""".formatted(deliveredOn, channel));
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }

    /** Only this test's accounts: other tests' random workloads may open accounts in any region. */
    private static List<String> own(List<String> mine, List<JsonNode> candidates) {
        return candidates.stream().map(n -> n.get("accountId").asString()).filter(mine::contains).toList();
    }

    private static List<JsonNode> candidates(Api api, String query) {
        Api.Response response = api.get("/api/v1/restriction-candidates?" + query, "auditor");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        response.json().get("candidates").forEach(list::add);
        return list;
    }
}
