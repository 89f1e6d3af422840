package ru.utility.ledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.TestDates;
import ru.utility.ledger.api.support.Uploads;
import ru.utility.ledger.core.api.BillingPeriod;

/**
 * Late billing, told relative to whatever day the suite runs on: a charge for the month before last, billed on
 * the first day of last month, counts from that day in last month's statement and in the as-of balance, and is
 * overdue from the day after its due date, although the ledger records it today.
 */
@LedgerIntegrationTest
class BackdatedChargeApiTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String REGION = "88";

    @LocalServerPort
    int port;

    @Test
    void aChargePostedForLastMonthCountsFromThatDayInStatementsAsOfBalancesAndTheOverdueList() {
        Api api = new Api(port);
        LocalDate lastMonth = TestDates.today().minusMonths(1).withDayOfMonth(1);
        BillingPeriod period = BillingPeriod.of(lastMonth.minusMonths(1));
        String account = open(api);
        String base = "/api/v1/accounts/" + account;

        Api.Response posted = api.post(base + "/charges", "operator", """
                {"billingPeriod": "%s", "amount": "700.00", "postedOn": "%s"}""".formatted(period, lastMonth));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.json().get("postedOn").asString()).isEqualTo(lastMonth.toString());
        LocalDate dueDate = LocalDate.parse(posted.json().get("dueDate").asString());
        // Sent again without the date on a later day, it is the same charge; with another date it is not.
        assertThat(api.post(base + "/charges", "operator", """
                {"billingPeriod": "%s", "amount": "700.00"}""".formatted(period)).status()).isEqualTo(200);
        assertThat(api.post(base + "/charges", "operator", """
                {"billingPeriod": "%s", "amount": "700.00", "postedOn": "%s"}""".formatted(period, lastMonth.plusDays(1)))
                .status()).isEqualTo(409);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode statement = ok(api.get(base + "/statement?from=%s&to=%s".formatted(lastMonth,
                    lastMonth.withDayOfMonth(lastMonth.lengthOfMonth())), "finance"));
            assertThat(statement.get("movements")).hasSize(1);
            assertThat(statement.get("movements").get(0).get("date").asString()).isEqualTo(lastMonth.toString());
            assertThat(statement.get("closingBalance").asString()).isEqualTo("700.00");
        });
        JsonNode thisMonth = ok(api.get(base + "/statement?from=%s&to=%s".formatted(lastMonth.plusMonths(1),
                lastMonth.plusMonths(2).minusDays(1)), "finance"));
        assertThat(thisMonth.get("movements")).isEmpty();
        assertThat(thisMonth.get("openingBalance").asString()).isEqualTo("700.00");

        assertThat(balanceAsOf(api, base, lastMonth.minusDays(1))).isEqualTo("0.00");
        assertThat(balanceAsOf(api, base, lastMonth)).isEqualTo("700.00");

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(overdue(api, dueDate.plusDays(1))).containsExactly(account + " 700.00 1"));
        assertThat(overdue(api, dueDate)).isEmpty();
    }

    @Test
    void aBillingRunLineMayCarryItsPostingDate() throws Exception {
        Api api = new Api(port);
        LocalDate lastMonth = TestDates.today().minusMonths(1).withDayOfMonth(1);
        BillingPeriod period = BillingPeriod.of(lastMonth.minusMonths(1));
        String dated = open(api);
        String undated = open(api);
        String csv = """
                accountId,period,amount,kWh,postedOn
                %1$s,%3$s,100.00,10,%4$s
                %2$s,%3$s,200.00,20,
                %2$s,%3$s,200.00,20,31.02.2026
                """.formatted(dated, undated, period, "%02d.%02d.%d".formatted(lastMonth.getDayOfMonth(),
                lastMonth.getMonthValue(), lastMonth.getYear()));

        HttpResponse<String> response = Uploads.upload(port, "/api/v1/billing-runs",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode job = Uploads.awaitCompleted(api, response.headers().firstValue("Location").orElseThrow());

        assertThat(job.get("linesDone").asInt()).isEqualTo(2);
        assertThat(job.get("firstErrors")).extracting(e -> e.get("line").asInt() + ":" + e.get("code").asString()
                + ":" + e.get("reason").asString()).containsExactly("4:INVALID_LINE:postedOn must be DD.MM.YYYY or YYYY-MM-DD");
        assertThat(charge(api, dated).get("postedOn").asString()).isEqualTo(lastMonth.toString());
        // No date: the day it was posted, by the ledger's clock (either day, should the run cross midnight).
        assertThat(LocalDate.parse(charge(api, undated).get("postedOn").asString()))
                .isBetween(TestDates.today().minusDays(1), TestDates.today());
    }

    private static JsonNode charge(Api api, String account) {
        JsonNode events = ok(api.get("/api/v1/accounts/" + account + "/events", "auditor")).get("events");
        for (JsonNode event : events) {
            if (event.get("type").asString().equals("ChargePosted")) {
                return event.get("payload");
            }
        }
        throw new AssertionError("no charge on " + account + ": " + events);
    }

    private static String open(Api api) {
        String id = Api.newAccountId();
        ok(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Pozdnyakova", "regionCode": "%s", "openedOn": "%s"}"""
                .formatted(id, REGION, TestDates.today().minusYears(1))));
        return id;
    }

    private static String balanceAsOf(Api api, String base, LocalDate asOf) {
        return ok(api.get(base + "/balance?asOf=" + asOf, "finance")).get("balance").asString();
    }

    /** This region's overdue accounts on a day, as "account amount days". */
    private static List<String> overdue(Api api, LocalDate asOf) {
        JsonNode page = ok(api.get("/api/v1/overdue?region=" + REGION + "&limit=1000&asOf=" + asOf, "finance"));
        List<String> rows = new ArrayList<>();
        page.get("accounts").forEach(a -> rows.add(a.get("accountId").asString() + " "
                + a.get("overdueAmount").asString() + " " + a.get("daysOverdue").asLong()));
        return rows;
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }
}
