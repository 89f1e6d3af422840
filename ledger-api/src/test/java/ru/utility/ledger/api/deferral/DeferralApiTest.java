package ru.utility.ledger.api.deferral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.TestDates;

/**
 * A deferral through the API: today is 25 November 2026. Two accounts carry the same debt (1000.00 for
 * June, due in July, and 500.00 for October, due 16 November); one of them gets a deferral from
 * 20 November, ended early on 23 November. The twin shows what the penalty and overdue list would be
 * without it.
 */
@LedgerIntegrationTest
class DeferralApiTest {

    static final String REGION = "96";

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aDeferralHoldsPenaltiesAndOverdueUntilItEndsAndItsEndIsExplained() {
        String program = programId();
        launch(program, "\"maxDeferralMonths\": 2");
        String deferred = accountWithDebt();
        String twin = accountWithDebt();
        String base = "/api/v1/accounts/" + deferred + "/deferrals";

        // Not enrolled yet: refused with the reason.
        Api.Response notEnrolled = grant(deferred, "D1", program, "\"endsOn\": \"2027-01-20\"");
        assertThat(notEnrolled.status()).as(notEnrolled.toString()).isEqualTo(422);
        assertThat(notEnrolled.json().get("code").asString()).isEqualTo("NOT_ENROLLED");
        Api.Response enrolled = api.post("/api/v1/programmes/" + program + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "2026-11-20"}""".formatted(deferred));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);

        Api.Response tooLong = grant(deferred, "D1", program, "\"months\": \"3\"");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("code").asString()).isEqualTo("DEFERRAL_TOO_LONG");
        assertThat(tooLong.json().get("detail").asString()).contains("2 months").contains("2027-01-20");
        Api.Response both = grant(deferred, "D1", program, "\"months\": \"2\", \"endsOn\": \"2027-01-20\"");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").get(0).get("field").asString()).isEqualTo("months");

        Api.Response granted = grant(deferred, "D1", program, "\"months\": \"2\"");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        assertThat(granted.json().get("endsOn").asString()).isEqualTo("2027-01-20");
        // The status is as of today: a suite run after the deferral's end sees it ended.
        assertThat(granted.json().get("status").asString())
                .isEqualTo(TestDates.today().isAfter(LocalDate.of(2027, 1, 20)) ? "ENDED" : "RUNNING");
        assertThat(granted.json().get("charges").size()).isEqualTo(2);
        assertThat(granted.json().get("charges").get(0).get("dueDate").asString()).isEqualTo("2027-01-20");
        assertThat(grant(deferred, "D1", program, "\"endsOn\": \"2027-01-20\"").status()).isEqualTo(200);
        Api.Response otherContent = grant(deferred, "D1", program, "\"endsOn\": \"2027-01-19\"");
        assertThat(otherContent.status()).isEqualTo(409);
        assertThat(otherContent.json().get("code").asString()).isEqualTo("IDEMPOTENCY_CONFLICT");

        // While it runs: what accrued before 20 November stays, nothing more; the debt is not overdue.
        BigDecimal beforeGrant = owed(twin, "2026-11-19");
        assertThat(beforeGrant).isPositive();
        assertThat(owed(deferred, "2026-11-25")).isEqualByComparingTo(beforeGrant);
        assertThat(owed(twin, "2026-11-25")).isGreaterThan(beforeGrant);
        JsonNode explained = api.get("/api/v1/accounts/" + deferred + "/penalty?asOf=2026-11-25", "auditor").json();
        assertThat(explained.get("dueDateShifts").size()).isEqualTo(2);
        assertThat(explained.get("dueDateShifts").get(0).get("dueDate").asString()).isEqualTo("2027-01-20");
        assertThat(explained.get("dueDateShifts").get(0).get("accruesFrom").asString()).isEqualTo("2027-01-21");
        assertThat(explained.get("dueDateShifts").get(0).get("shifts").get(0).get("reason").asString())
                .contains("deferral D1");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode overdue = overdue();
            assertThat(overdue.toString()).contains(twin).doesNotContain(deferred);
        });

        // Ended early on 23 November: both charges fall due then and are overdue again.
        Api.Response ended = api.post(base + "/D1/end", "operator", """
                {"endedOn": "2026-11-23", "reason": "Income restored"}""");
        assertThat(ended.status()).as(ended.toString()).isEqualTo(201);
        assertThat(ended.json().get("status").asString()).isEqualTo("ENDED_EARLY");
        assertThat(ended.json().get("charges").get(1).get("dueDate").asString()).isEqualTo("2026-11-23");
        assertThat(api.post(base + "/D1/end", "operator", """
                {"endedOn": "2026-11-24", "reason": "Income restored"}""").status()).isEqualTo(200);
        Api.Response otherReason = api.post(base + "/D1/end", "operator", """
                {"endedOn": "2026-11-23", "reason": "Changed mind"}""");
        assertThat(otherReason.status()).isEqualTo(409);
        assertThat(otherReason.json().get("code").asString()).isEqualTo("DEFERRAL_ALREADY_ENDED");
        Api.Response noReason = api.post(base + "/D1/end", "operator", "{\"endedOn\": \"2026-11-23\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(api.post(base + "/NO-SUCH/end", "operator", "{\"reason\": \"x\"}").json().get("code").asString())
                .isEqualTo("UNKNOWN_DEFERRAL");
        // Two days after the early end are inside the penalty-free first 30.
        assertThat(owed(deferred, "2026-11-25")).isEqualByComparingTo(beforeGrant);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode account = accountIn(overdue(), deferred);
            assertThat(account).as("overdue row of %s", deferred).isNotNull();
            assertThat(account.get("oldestDueDate").asString()).isEqualTo("2026-11-23");
            assertThat(account.get("overdueAmount").asString()).isEqualTo("1500.00");
        });

        JsonNode list = api.get(base, "finance").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("endedOn").asString()).isEqualTo("2026-11-23");
        assertThat(api.get(base + "/D1", "auditor").json().get("endReason").asString()).isEqualTo("Income restored");
        assertThat(api.get(base + "/D2", "auditor").status()).isEqualTo(404);
        // No money moved: the balance is the two charges and the statement shows only them.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/api/v1/accounts/" + deferred + "/balance", "finance").json().get("balance").asString())
                .isEqualTo("1500.00"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/api/v1/accounts/" + deferred
                + "/statement?from=2026-01-01&to=2026-12-31", "finance").json().get("closingBalance").asString())
                .isEqualTo("1500.00"));
    }

    @Test
    void theProgrammeMustBeADeferralProgramme() {
        String program = programId();
        Api.Response launched = api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Discount", "kind": "DISCOUNT", "activeFrom": "2026-01-01",
                 "activeTo": "2026-12-31", "percent": "10"}""".formatted(program));
        assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
        String account = accountWithDebt();
        Api.Response refused = grant(account, "D1", program, "\"months\": \"1\"");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("WRONG_PROGRAMME_KIND");
        assertThat(grant(account, "D1", "NO-SUCH-PROGRAMME", "\"months\": \"1\"").status()).isEqualTo(404);
        Api.Response missing = api.post("/api/v1/accounts/" + account + "/deferrals", "operator", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().toString()).contains("deferralId").contains("programId").contains("endsOn");
        assertThat(api.get("/api/v1/accounts/" + account + "/deferrals", "finance").json().size()).isZero();
    }

    private BigDecimal owed(String account, String asOf) {
        Api.Response response = api.get("/api/v1/accounts/" + account + "/penalty?asOf=" + asOf, "auditor");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new BigDecimal(response.json().get("owed").asString());
    }

    /** The overdue list on 25 November 2026, the day the story is told on. */
    private JsonNode overdue() {
        Api.Response response = api.get("/api/v1/overdue?region=" + REGION + "&limit=1000&asOf=2026-11-25", "finance");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode accountIn(JsonNode page, String account) {
        for (JsonNode row : page.get("accounts")) {
            if (row.get("accountId").asString().equals(account)) {
                return row;
            }
        }
        return null;
    }

    private Api.Response grant(String account, String deferralId, String program, String extra) {
        return api.post("/api/v1/accounts/" + account + "/deferrals", "operator", """
                {"deferralId": "%s", "programId": "%s", "grantedOn": "2026-11-20", %s}"""
                .formatted(deferralId, program, extra));
    }

    private static String programId() {
        String id = "DEF-" + Api.newAccountId();
        return id.substring(0, Math.min(32, id.length()));
    }

    private void launch(String id, String extra) {
        Api.Response launched = api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Deferral", "kind": "DEFERRAL", "activeFrom": "2026-01-01",
                 "activeTo": "2026-12-31", %s}""".formatted(id, extra));
        assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
    }

    private String accountWithDebt() {
        String id = Api.newAccountId();
        Api.Response opened = api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Sidorova", "regionCode": "%s", "openedOn": "2026-01-01"}"""
                .formatted(id, REGION));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        // Each billed on the first day after its month.
        for (String charge : new String[] {
                "{\"billingPeriod\": \"2026-06\", \"amount\": \"1000.00\", \"postedOn\": \"2026-07-01\"}",
                "{\"billingPeriod\": \"2026-10\", \"amount\": \"500.00\", \"postedOn\": \"2026-11-01\"}"}) {
            Api.Response charged = api.post("/api/v1/accounts/" + id + "/charges", "operator", charge);
            assertThat(charged.status()).as(charged.toString()).isEqualTo(201);
        }
        return id;
    }
}
