package ru.utility.ledger.api.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;

/**
 * A PENALTY_MORATORIUM programme launched after penalties were accrued: the next run posts the correction
 * down, the explanation names the programme, restriction candidates respect it, enrolment is refused, and a
 * closure on its first day takes it back. The window (March 2017) is one no other test accrues through,
 * because a programme moratorium applies to every account; the test closes it again at the end.
 */
@LedgerIntegrationTest
class MoratoriumProgrammeApiTest {

    @LocalServerPort
    int port;

    @Test
    void aRetroactiveMoratoriumProgrammeCorrectsAccruedPenaltiesDownAndIsExplained() {
        Api api = new Api(port);
        String id = Api.newAccountId();
        String base = "/api/v1/accounts/" + id;
        String programme = "MOR-" + id;
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Orlov Ivan", "regionCode": "50", "openedOn": "2016-06-01"}"""
                .formatted(id)).status()).isEqualTo(201);
        Api.Response charge = api.post(base + "/charges", "operator", """
                {"billingPeriod": "2016-12", "amount": "1000.00"}""");
        assertThat(charge.json().get("dueDate").asString()).isEqualTo("2017-01-10");
        assertThat(api.post(base + "/payments", "operator", """
                {"paymentId": "BANK-1", "amount": "1000.00", "channel": "CASH_OFFICE", "receivedOn": "2017-06-30"}""")
                .status()).isEqualTo(201);

        // Overdue 171 days, paid at the 9.00% of 30 June 2017: 100000 kop * 9% * (60/300 + 81/130) = 7407.69 kop.
        Api.Response first = api.post(base + "/penalty-accruals", "operator", "{\"asOf\": \"2026-11-25\"}");
        assertThat(first.json().get("posted").asString()).as(first.toString()).isEqualTo("74.08");

        Api.Response launched = api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Flood relief", "kind": "PENALTY_MORATORIUM",
                 "activeFrom": "2017-03-01", "activeTo": "2017-03-31"}""".formatted(programme));
        assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode read = api.get("/api/v1/programmes/" + programme, "auditor").json();
            assertThat(read.get("kind").asString()).isEqualTo("PENALTY_MORATORIUM");
            assertThat(read.path("moratorium").path("from").asString()).isEqualTo("2017-03-01");
            assertThat(read.path("moratorium").path("through").asString()).isEqualTo("2017-03-31");
            assertThat(read.path("moratorium").path("source").asString()).contains(programme, "Flood relief");
        });

        JsonNode explained = api.get(base + "/penalty?asOf=2026-11-25", "finance").json();
        assertThat(explained.get("owed").asString()).isEqualTo("64.78");
        assertThat(explained.get("unposted").asString()).isEqualTo("-9.30");
        JsonNode covered = null;
        for (JsonNode band : explained.get("charges").get(0).get("parts").get(0).get("bands")) {
            if (band.get("moratorium") != null && !band.get("moratorium").isNull()) {
                covered = band;
            }
        }
        assertThat(covered).as(explained.toString()).isNotNull();
        assertThat(covered.get("moratorium").asString()).contains(programme);
        assertThat(covered.get("days").asInt()).isEqualTo(31);

        // 31 days of March at 1/300 of 9%: 100000 * 0.09 * 31 / 300 = 930 kop less.
        Api.Response run = api.post("/api/v1/penalty-runs", "operator", """
                {"asOf": "2026-11-25", "accountIds": ["%s"]}""".formatted(id));
        assertThat(run.json().get("totalPosted").asString()).as(run.toString()).isEqualTo("-9.30");
        Api.Response rerun = api.post("/api/v1/penalty-runs", "operator", """
                {"asOf": "2026-11-25", "accountIds": ["%s"]}""".formatted(id));
        assertThat(rerun.json().get("accountsPosted").asInt()).isZero();
        awaitBalance(api, base, "64.78");

        JsonNode candidates = api.get("/api/v1/restriction-candidates?asOf=2017-03-15", "finance").json();
        assertThat(candidates.get("moratorium").get("source").asString()).contains(programme);
        assertThat(candidates.get("candidates")).isEmpty();

        Api.Response enrol = api.post("/api/v1/programmes/" + programme + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "2017-03-02"}""".formatted(id));
        assertThat(enrol.status()).isEqualTo(422);
        assertThat(enrol.json().get("code").asString()).isEqualTo("NO_ENROLMENT_NEEDED");
        assertThat(enrol.json().get("errors").get(0).get("field").asString()).isEqualTo("programId");

        // Closed on its first day, the programme declares no moratorium: the next run posts the 9.30 back.
        assertThat(api.post("/api/v1/programmes/" + programme + "/closure", "operator", """
                {"closedOn": "2017-03-01", "reason": "Withdrawn"}""").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/v1/programmes/" + programme, "auditor").json().has("moratorium")).isFalse());
        Api.Response back = api.post(base + "/penalty-accruals", "operator", "{\"asOf\": \"2026-11-25\"}");
        assertThat(back.json().get("posted").asString()).isEqualTo("9.30");
        awaitBalance(api, base, "74.08");
    }

    @Test
    void aMoratoriumProgrammeForSomeRegionsOrCategoriesIsRefused() {
        Api api = new Api(port);
        String programme = ("MOR-R-" + Api.newAccountId()).substring(0, 20);
        Api.Response regional = api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Regional", "kind": "PENALTY_MORATORIUM", "activeFrom": "2017-03-01",
                 "regions": ["77"]}""".formatted(programme));
        assertThat(regional.status()).isEqualTo(400);
        assertThat(regional.json().get("errors").get(0).get("field").asString()).isEqualTo("regions");
        Api.Response categories = api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Pensioners", "kind": "PENALTY_MORATORIUM", "activeFrom": "2017-03-01",
                 "categories": ["PENSIONER"]}""".formatted(programme));
        assertThat(categories.json().get("errors").get(0).get("field").asString()).isEqualTo("categories");
        assertThat(api.get("/api/v1/programmes/" + programme, "auditor").status()).isEqualTo(404);
    }

    private static void awaitBalance(Api api, String base, String expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get(base + "/balance", "finance").json().path("balance").asString()).isEqualTo(expected));
    }
}
