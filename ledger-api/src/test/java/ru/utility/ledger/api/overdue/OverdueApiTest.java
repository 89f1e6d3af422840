package ru.utility.ledger.api.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.core.api.LedgerTime;

/**
 * The overdue list through the API. Each test works in a region code no other test uses, so the totals
 * it asserts are exactly those of its own accounts. The scenarios are told as of SCENARIO_DAY, which lies in
 * the past on every date the suite runs: each list asks for that day explicitly rather than for "today".
 */
@LedgerIntegrationTest
class OverdueApiTest {

    static final LocalDate SCENARIO_DAY = LocalDate.parse("2026-11-25");
    static final String OVERDUE_CSV_HEADER =
            "account_id,region_code,categories,overdue_amount,oldest_due_date,days_overdue,bucket,overdue_charges,"
                    + "time_barred_amount";

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;

    @Test
    void listsFiltersTotalsSortsAndPagesTheAccountsOfARegion() {
        Api api = new Api(port);
        // A: a year-old charge partly paid (oldest first), a July and an October charge; a large family.
        String a = open(api, "93");
        LocalDate oldest = charge(api, a, "2025-10", "1000.00");
        charge(api, a, "2026-06", "500.00");
        charge(api, a, "2026-10", "300.00");
        pay(api, a, "PA", "400.00", "2026-11-01");
        ok(api.post("/api/v1/accounts/" + a + "/social-categories", "operator", """
                {"category": "LARGE_FAMILY", "validFrom": "2026-01-01", "documentReference": "Certificate 7"}"""));
        // B: one September charge.
        String b = open(api, "93");
        LocalDate september = charge(api, b, "2026-09", "200.00");
        // C: a paid charge and one not yet due: never overdue.
        String c = open(api, "93");
        charge(api, c, "2026-09", "150.00");
        pay(api, c, "PC", "150.00", "2026-10-01");
        charge(api, c, "2026-11", "150.00");
        // D: a July charge paid, then the payment recalled: unpaid again.
        String d = open(api, "93");
        charge(api, d, "2026-06", "800.00");
        pay(api, d, "PD", "800.00", "2026-07-01");
        ok(api.post("/api/v1/accounts/" + d + "/payments/PD/reversal", "operator", """
                {"reason": "Bank recall", "reversedOn": "2026-07-05"}"""));

        // "3 accounts, 2400.00" is also what the list shows before D's payment is projected (D drops off once the
        // payment is, and returns with its reversal): so first the overdue projection at the store's head. The
        // categories come from the relief statistics projection, which may lag the overdue one: awaited too.
        awaitOverdueAtHead(api);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode page = list(api, "region=93");
            return page.get("totalAccounts").asLong() == 3 && page.get("totalAmount").asString().equals("2400.00")
                    && ids(list(api, "region=93&category=LARGE_FAMILY")).equals(List.of(a));
        });

        JsonNode page = list(api, "region=93");
        assertThat(page.get("asOf").asString()).isEqualTo(SCENARIO_DAY.toString());
        assertThat(ids(page)).containsExactly(a, d, b);
        JsonNode first = page.get("accounts").get(0);
        assertThat(first.get("regionCode").asString()).isEqualTo("93");
        assertThat(first.get("categories").toString()).isEqualTo("[\"LARGE_FAMILY\"]");
        assertThat(first.get("overdueAmount").asString()).isEqualTo("1400.00");
        assertThat(first.get("oldestDueDate").asString()).isEqualTo(oldest.toString());
        assertThat(first.get("daysOverdue").asLong()).isEqualTo(SCENARIO_DAY.toEpochDay() - oldest.toEpochDay());
        assertThat(first.get("bucket").asString()).isEqualTo("OVER_365");
        assertThat(first.get("overdueCharges").asInt()).isEqualTo(3);
        assertThat(page.get("nextCursor").isNull()).isTrue();

        // Charge-level aging: A's 600.00 left of 2025-10 is over a year, its July 500.00 and D's 800.00 are
        // 91-180 days, B's September 200.00 is 31-90, A's October 300.00 is 1-30.
        JsonNode buckets = page.get("buckets");
        assertThat(bucket(buckets, "DAYS_1_30")).isEqualTo("300.00/0");
        assertThat(bucket(buckets, "DAYS_31_90")).isEqualTo("200.00/1");
        assertThat(bucket(buckets, "DAYS_91_180")).isEqualTo("1300.00/1");
        assertThat(bucket(buckets, "DAYS_181_365")).isEqualTo("0.00/0");
        assertThat(bucket(buckets, "OVER_365")).isEqualTo("600.00/1");

        assertThat(ids(list(api, "region=93&category=LARGE_FAMILY"))).containsExactly(a);
        assertThat(ids(list(api, "region=93&bucket=DAYS_31_90"))).containsExactly(b);
        assertThat(ids(list(api, "region=93&minDays=100"))).containsExactly(a, d);
        assertThat(ids(list(api, "region=93&minAmount=1000.00"))).containsExactly(a);
        assertThat(ids(list(api, "region=93&sort=amount&direction=asc"))).containsExactly(b, d, a);

        // On 1 November, A's October charge was not due yet and B's was 17 days late.
        JsonNode november = list(api, "region=93&asOf=2026-11-01");
        assertThat(november.get("totalAmount").asString()).isEqualTo("2100.00");
        JsonNode lateB = november.get("accounts").get(2);
        assertThat(lateB.get("accountId").asString()).isEqualTo(b);
        assertThat(lateB.get("daysOverdue").asLong())
                .isEqualTo(LocalDate.parse("2026-11-01").toEpochDay() - september.toEpochDay());
        assertThat(lateB.get("bucket").asString()).isEqualTo("DAYS_1_30");

        // Keyset paging visits every account once, in order, whatever the page size.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode one = list(api, "region=93&sort=amount&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(ids(one));
            assertThat(one.get("totalAccounts").asLong()).isEqualTo(3);
            cursor = one.get("nextCursor").isNull() ? null : one.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(paged).containsExactly(a, d, b);
    }

    @Test
    void withoutADateTheListIsAsOfTodayByTheLedgersClock() {
        LocalDate before = LedgerTime.today(clock);
        JsonNode page = ok(new Api(port).get("/api/v1/overdue?region=93&limit=1", "finance"));
        // A run that crosses midnight may see either day.
        assertThat(LocalDate.parse(page.get("asOf").asString())).isBetween(before, LedgerTime.today(clock));
    }

    @Test
    void exportsTheWholeListAsCsv() {
        Api api = new Api(port);
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = open(api, "94");
            charge(api, id, "2026-09", (100 + i) + ".00");
            opened.add(id);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> list(api, "region=94").get("totalAccounts").asLong() == 5);

        Api.Response csv = api.get("/api/v1/overdue?region=94&format=csv&sort=amount&direction=asc&asOf=" + SCENARIO_DAY,
                "finance");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo(OVERDUE_CSV_HEADER);
        assertThat(lines.get(1)).startsWith(opened.get(0) + ",94,\"\",100.00,");
        assertThat(lines.get(1)).endsWith(",DAYS_31_90,1,0.00");
        assertThat(lines.get(5)).startsWith(opened.get(4) + ",94,\"\",104.00,");
    }

    /**
     * Region 95: R1 in a running DISCOUNT programme (enrolled 1 July), R2 in a COMPENSATION programme closed on
     * 1 July (enrolled 1 June), R3 with more than two months at the region's norm overdue and a notice sent on 2 November,
     * delivered on 3 November (a restriction candidate from 24 November), R4 the same debt without a notice.
     */
    @Test
    void filtersByReliefAndByRestrictionEligibility() {
        Api api = new Api(port);
        String discount = programme(api, "DISCOUNT", "\"percent\": \"10\"");
        String compensation = programme(api, "COMPENSATION", "\"percent\": \"50\"");
        String r1 = open(api, "95");
        charge(api, r1, "2026-04", "100.00");
        ok(api.post("/api/v1/programmes/" + discount + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "2026-07-01"}""".formatted(r1)));
        String r2 = open(api, "95");
        charge(api, r2, "2026-04", "100.00");
        ok(api.post("/api/v1/programmes/" + compensation + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "2026-06-01"}""".formatted(r2)));
        ok(api.post("/api/v1/programmes/" + compensation + "/closure", "operator", """
                {"closedOn": "2026-07-01", "reason": "Ended"}"""));
        // Region 95's norm: 10 kWh a month at 10.00, so the threshold is 200.00.
        RestrictionApiTest.norm(api, "95", "APARTMENT_GAS_STOVE", "10", "10.00");
        String r3 = open(api, "95");
        String r4 = open(api, "95");
        for (String account : List.of(r3, r4)) {
            ok(api.post("/api/v1/accounts/" + account + "/household-type", "operator", """
                    {"householdType": "APARTMENT_GAS_STOVE", "setOn": "2025-01-01"}"""));
            charge(api, account, "2026-08", "100.00");
            charge(api, account, "2026-09", "100.00");
            charge(api, account, "2026-10", "100.00");
        }
        ok(api.post("/api/v1/accounts/" + r3 + "/restriction-notices", "operator", """
                {"noticeId": "N-95", "sentOn": "2026-11-02"}"""));
        ok(api.post("/api/v1/accounts/" + r3 + "/restriction-notices/N-95/delivery", "operator", """
                {"deliveredOn": "2026-11-03", "channel": "REGISTERED_MAIL"}"""));

        // Other tests' random workloads may open accounts in any region: only this test's accounts are compared.
        List<String> mine = List.of(r1, r2, r3, r4);
        // The relief statistics projection (enrolments) and the overdue projection (notices) both caught up.
        // Every account's charges awaited too: the four accounts may lie in segments at different stages.
        await().atMost(Duration.ofSeconds(20)).until(() -> own(mine, list(api, "region=95&inRelief=true")).equals(List.of(r1))
                && own(mine, list(api, "region=95&restrictionEligible=true")).equals(List.of(r3))
                && own(mine, list(api, "region=95&inRelief=false&sort=accountId&direction=asc"))
                        .equals(sorted(r2, r3, r4)));
        // On 15 June R2's compensation was running and R1 had not enrolled yet. Awaited too: today's lists do not
        // show whether R2's enrolment has reached the relief projection (its relief is over either way).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(own(mine, list(api, "region=95&inRelief=true&asOf=2026-06-15"))).containsExactly(r2));
        assertThat(own(mine, list(api, "region=95&restrictionEligible=false&sort=accountId&direction=asc")))
                .containsExactlyElementsOf(sorted(r1, r2, r4));
        // The same rule as the restriction candidates.
        JsonNode candidates = ok(api.get("/api/v1/restriction-candidates?region=95&asOf=" + SCENARIO_DAY, "finance"));
        List<String> listed = new ArrayList<>();
        candidates.get("candidates").forEach(c -> listed.add(c.get("accountId").asString()));
        assertThat(listed.stream().filter(mine::contains).toList()).containsExactly(r3);
        JsonNode both = list(api, "region=95&inRelief=false&restrictionEligible=true");
        assertThat(own(mine, both)).containsExactly(r3);
        both.get("accounts").forEach(account -> {
            if (account.get("accountId").asString().equals(r3)) {
                assertThat(account.get("overdueAmount").asString()).isEqualTo("300.00");
            }
        });

        Api.Response csv = api.get("/api/v1/overdue?region=95&format=csv&inRelief=true&asOf=" + SCENARIO_DAY, "finance");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(ownLines(mine, csv)).containsExactly(r1 + ",95");
        Api.Response eligibleCsv = api.get("/api/v1/overdue?region=95&format=csv&restrictionEligible=true&asOf="
                + SCENARIO_DAY, "finance");
        assertThat(ownLines(mine, eligibleCsv)).containsExactly(r3 + ",95");
    }

    private static List<String> own(List<String> mine, JsonNode page) {
        return ids(page).stream().filter(mine::contains).toList();
    }

    /** The CSV rows of this test's accounts, as "account,region". */
    private static List<String> ownLines(List<String> mine, Api.Response csv) {
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.body().lines().findFirst().orElseThrow()).isEqualTo(OVERDUE_CSV_HEADER);
        return csv.body().lines().skip(1).map(line -> line.split(",")).filter(cells -> mine.contains(cells[0]))
                .map(cells -> cells[0] + "," + cells[1]).toList();
    }

    /** The 2020 moratorium (6 April to 31 December in the rules data) suspends the restriction rule. */
    @Test
    void noAccountIsRestrictionEligibleOnAMoratoriumDay() {
        Api api = new Api(port);
        String account = Api.newAccountId();
        ok(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Moratova", "regionCode": "95", "openedOn": "2019-01-01"}"""
                .formatted(account)));
        RestrictionApiTest.norm(api, "95", "APARTMENT_GAS_STOVE", "10", "10.00");
        ok(api.post("/api/v1/accounts/" + account + "/household-type", "operator", """
                {"householdType": "APARTMENT_GAS_STOVE", "setOn": "2019-01-01"}"""));
        charge(api, account, "2019-10", "100.00");
        charge(api, account, "2019-11", "100.00");
        charge(api, account, "2019-12", "100.00");
        ok(api.post("/api/v1/accounts/" + account + "/restriction-notices", "operator", """
                {"noticeId": "N-2020", "sentOn": "2020-03-01"}"""));
        ok(api.post("/api/v1/accounts/" + account + "/restriction-notices/N-2020/delivery", "operator", """
                {"deliveredOn": "2020-03-02", "channel": "IN_PERSON"}"""));
        List<String> mine = List.of(account);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                own(mine, list(api, "region=95&asOf=2020-03-25&restrictionEligible=true")).equals(mine));
        assertThat(own(mine, list(api, "region=95&asOf=2020-06-01&restrictionEligible=true"))).isEmpty();
        assertThat(own(mine, list(api, "region=95&asOf=2020-06-01&restrictionEligible=false"))).isEqualTo(mine);
        assertThat(own(mine, list(api, "region=95&asOf=2020-03-25&restrictionEligible=false"))).isEmpty();
    }

    @Test
    void badInputNamesTheField() {
        Api api = new Api(port);
        assertField(api, "region=9", "region");
        assertField(api, "category=STUDENT", "category");
        assertField(api, "bucket=DAYS_2_3", "bucket");
        assertField(api, "minDays=0", "minDays");
        assertField(api, "minAmount=-1.00", "minAmount");
        assertField(api, "sort=holder", "sort");
        assertField(api, "direction=up", "direction");
        assertField(api, "limit=1001", "limit");
        assertField(api, "asOf=2026-13-01", "asOf");
        assertField(api, "format=xls", "format");
        assertField(api, "cursor=bm90LWEtY3Vyc29y", "cursor");
        String amountCursor = "QU1PVU5UfGRlc2N8MXxULTE";
        assertField(api, "sort=daysOverdue&cursor=" + amountCursor, "cursor");
        assertField(api, "format=csv&cursor=" + amountCursor, "cursor");
        assertField(api, "inRelief=yes", "inRelief");
        assertField(api, "restrictionEligible=1", "restrictionEligible");
        assertField(api, "format=csv&inRelief=TRUE", "inRelief");
    }

    private static void assertField(Api api, String query, String field) {
        Api.Response response = api.get("/api/v1/overdue?" + query, "finance");
        assertThat(response.status()).as(query + " " + response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private static List<String> sorted(String... ids) {
        return java.util.Arrays.stream(ids).sorted().toList();
    }

    private static String programme(Api api, String kind, String extra) {
        String id = "OVD-" + Api.newAccountId().substring(2);
        ok(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Overdue %s", "kind": "%s", "activeFrom": "2026-01-01",
                 "activeTo": "2026-12-31", %s}""".formatted(id, id, kind, extra)));
        return id;
    }

    private static String bucket(JsonNode buckets, String name) {
        for (JsonNode bucket : buckets) {
            if (bucket.get("bucket").asString().equals(name)) {
                return bucket.get("amount").asString() + "/" + bucket.get("accounts").asLong();
            }
        }
        throw new AssertionError("no bucket " + name + " in " + buckets);
    }

    /** Waits until the overdue projection has processed every event stored when called. */
    private static void awaitOverdueAtHead(Api api) {
        long head = overdueStatus(api).get("head").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode position = overdueStatus(api).get("position");
            return position != null && !position.isNull() && position.asLong() >= head;
        });
    }

    private static JsonNode overdueStatus(Api api) {
        for (JsonNode projection : ok(api.get("/api/v1/admin/projections", "admin")).get("projections")) {
            if (projection.get("name").asString().equals("overdue")) {
                return projection;
            }
        }
        throw new AssertionError("no overdue projection in the admin status");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("accounts").forEach(account -> ids.add(account.get("accountId").asString()));
        return ids;
    }

    /** The list on SCENARIO_DAY unless the query names its own date. */
    private static JsonNode list(Api api, String query) {
        String dated = query.contains("asOf=") ? query : query + "&asOf=" + SCENARIO_DAY;
        return ok(api.get("/api/v1/overdue?" + dated, "auditor"));
    }

    private static String open(Api api, String region) {
        String id = Api.newAccountId();
        ok(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Dolgova", "regionCode": "%s", "openedOn": "2025-01-01"}"""
                .formatted(id, region)));
        return id;
    }

    private static LocalDate charge(Api api, String account, String period, String amount) {
        JsonNode charge = ok(api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                {"billingPeriod": "%s", "amount": "%s"}""".formatted(period, amount)));
        return LocalDate.parse(charge.get("dueDate").asString());
    }

    private static void pay(Api api, String account, String paymentId, String amount, String receivedOn) {
        ok(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                {"paymentId": "%s", "amount": "%s", "channel": "CASH_OFFICE", "receivedOn": "%s"}"""
                .formatted(paymentId, amount, receivedOn)));
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }
}
