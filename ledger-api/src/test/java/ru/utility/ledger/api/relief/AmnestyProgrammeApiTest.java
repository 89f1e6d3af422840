package ru.utility.ledger.api.relief;

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
 * PENALTY_AMNESTY end to end: an old debt of 1000.00 (2026-01) stays unpaid and accrues penalties; the holder
 * enrols on 1 June 2026 and pays June and July in full before their due dates; the review writes the
 * penalties off, exactly, in the balance, the statement and the feed, once.
 */
@LedgerIntegrationTest
class AmnestyProgrammeApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Test
    void payingTwoMonthsInFullWritesTheAccruedPenaltiesOffOnce() {
        Api api = new Api(port);
        String id = Api.newAccountId();
        String base = "/api/v1/accounts/" + id;
        String programme = "AMN-" + id;
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Kuznetsova Olga", "regionCode": "77", "openedOn": "2026-01-01"}"""
                .formatted(id)).status()).isEqualTo(201);
        assertThat(api.post(base + "/charges", "operator", """
                {"billingPeriod": "2026-01", "amount": "1000.00"}""").json().get("dueDate").asString())
                .isEqualTo("2026-02-10");
        // Unpaid 111 days at the fixed 9.5%: 100000 kop * 9.5% * (60/300 + 21/130) = 3434.62 kop.
        assertThat(api.post(base + "/penalty-accruals", "operator", "{\"asOf\": \"2026-06-01\"}").json()
                .get("posted").asString()).isEqualTo("34.35");

        assertThat(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Pay two months, penalties forgiven", "kind": "PENALTY_AMNESTY",
                 "activeFrom": "2026-06-01", "activeTo": "2026-12-31", "amnestyMonthsPaidInFull": 2}"""
                .formatted(programme)).status()).isEqualTo(201);
        Api.Response enrolled = api.post("/api/v1/programmes/" + programme + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "2026-06-01"}""".formatted(id));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);

        chargeAndPayOnTime(api, base, "2026-06", "500.00", "2026-07-15", "2026-07-01");
        Api.Response early = review(api, programme, "2026-07-20");
        assertThat(skipped(early.json(), id)).isEqualTo("AMNESTY_CONDITION_NOT_MET");
        assertThat(early.json().get("accountsWrittenOff").asInt()).isZero();

        chargeAndPayOnTime(api, base, "2026-07", "600.00", "2026-08-17", "2026-08-01");
        // Unpaid 288 days on 25 Nov: 100000 * 9.5% * (60/300 + 198/130) = 16369.23 kop, of which 34.35 was accrued.
        Api.Response granted = review(api, programme, "2026-11-25");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode entry : granted.json().get("writtenOff")) {
            if (entry.get("accountId").asString().equals(id)) {
                mine = entry;
            }
        }
        assertThat(mine).as(granted.toString()).isNotNull();
        assertThat(mine.get("amount").asString()).isEqualTo("163.69");
        assertThat(mine.get("penaltyPosted").asString()).isEqualTo("129.34");
        assertThat(mine.get("earnedBy").toString()).isEqualTo("[\"2026-06\",\"2026-07\"]");

        // 2100.00 charged - 1100.00 paid + 163.69 penalties - 163.69 written off.
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode balance = api.get(base + "/balance", "finance").json();
            assertThat(balance.path("balance").asString()).isEqualTo("1000.00");
            assertThat(balance.path("totalPenalties").asString()).isEqualTo("163.69");
            assertThat(balance.path("totalRelief").asString()).isEqualTo("163.69");
        });
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode movements = api.get(base + "/statement?from=2026-11-25&to=2026-11-25", "finance").json()
                    .path("movements");
            List<String> lines = new ArrayList<>();
            movements.forEach(m -> lines.add(m.get("kind").asString() + " " + m.get("amount").asString()));
            assertThat(lines).containsExactly("PENALTY 129.34", "PENALTY_WRITE_OFF -163.69");
        });
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode writeOff = feedEvent(api, id, "PenaltiesWrittenOff");
            assertThat(writeOff).isNotNull();
            assertThat(writeOff.get("data").get("programId").asString()).isEqualTo(programme);
            assertThat(writeOff.get("data").get("amount").asString()).isEqualTo("163.69");
            assertThat(writeOff.get("data").get("writtenOffOn").asString()).isEqualTo("2026-11-25");
            assertThat(writeOff.get("data").get("accruedPenalties").asString()).isEqualTo("163.69");
        });

        // The programme's statistics count the write-off as penalties forgone.
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode total = api.get("/api/v1/relief-programs/" + programme + "/statistics", "finance").json()
                    .path("total");
            assertThat(total.path("enrolled").asLong()).isEqualTo(1);
            assertThat(total.path("penaltiesForgone").asString()).isEqualTo("163.69");
        });

        JsonNode explained = api.get(base + "/penalty?asOf=2026-11-25", "finance").json();
        assertThat(explained.get("owed").asString()).isEqualTo("163.69");
        assertThat(explained.get("writtenOff").asString()).isEqualTo("163.69");
        assertThat(explained.get("unposted").asString()).isEqualTo("0.00");
        Api.Response run = api.post("/api/v1/penalty-runs", "operator", """
                {"asOf": "2026-11-25", "accountIds": ["%s"]}""".formatted(id));
        assertThat(run.json().get("accountsPosted").asInt()).as(run.toString()).isZero();

        Api.Response again = review(api, programme, "2026-11-25");
        assertThat(skipped(again.json(), id)).isEqualTo("AMNESTY_ALREADY_GRANTED");
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get(base + "/balance", "finance").json().path("balance").asString()).isEqualTo("1000.00"));
    }

    @Test
    void aReviewNeedsAKnownAmnestyProgrammeAndADayNotInTheFuture() {
        Api api = new Api(port);
        String programme = "NA-" + Api.newAccountId();
        assertThat(review(api, programme, "2026-11-25").json().get("code").asString()).isEqualTo("UNKNOWN_PROGRAM");
        assertThat(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Discount", "kind": "DISCOUNT", "activeFrom": "2026-01-01", "percent": "5"}"""
                .formatted(programme)).status()).isEqualTo(201);
        Api.Response notAmnesty = review(api, programme, "2026-11-25");
        assertThat(notAmnesty.status()).isEqualTo(422);
        assertThat(notAmnesty.json().get("code").asString()).isEqualTo("NOT_AN_AMNESTY");
        // Two days ahead, so a run crossing midnight cannot make it today.
        Api.Response future = review(api, programme, TestDates.today().plusDays(2).toString());
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
        Api.Response badDate = review(api, programme, "26.11.2026");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
    }

    private static void chargeAndPayOnTime(Api api, String base, String period, String amount, String due, String paidOn) {
        Api.Response charge = api.post(base + "/charges", "operator", """
                {"billingPeriod": "%s", "amount": "%s"}""".formatted(period, amount));
        assertThat(charge.json().get("dueDate").asString()).as(charge.toString()).isEqualTo(due);
        Api.Response paid = api.post(base + "/payments", "operator", """
                {"paymentId": "PAY-%s", "amount": "%s", "channel": "MOBILE_APP", "receivedOn": "%s", "billingPeriod": "%s"}"""
                .formatted(period, amount, paidOn, period));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    }

    private static Api.Response review(Api api, String programme, String asOf) {
        return api.post("/api/v1/programmes/" + programme + "/amnesty-reviews", "operator",
                "{\"asOf\": \"" + asOf + "\"}");
    }

    private static String skipped(JsonNode run, String account) {
        for (JsonNode entry : run.get("skipped")) {
            if (entry.get("accountId").asString().equals(account)) {
                return entry.get("code").asString();
            }
        }
        return null;
    }

    private static JsonNode feedEvent(Api api, String account, String type) {
        long after = 0;
        while (true) {
            JsonNode body = api.get("/api/v1/feed?limit=1000&types=" + type + "&after=" + after, "integration").json();
            for (JsonNode event : body.get("events")) {
                if (event.get("accountId").asString().equals(account)) {
                    return event;
                }
            }
            if (body.get("events").isEmpty()) {
                return null;
            }
            after = body.get("next").asLong();
        }
    }
}
