package ru.utility.ledger.api.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;

/**
 * A charge for April 2024 posted before the production calendar knew that 10 May 2024 was a day off (Decree
 * No. 1314 of 2023): it was recorded due 10 May. The admin run corrects it to 13 May; the penalty and the overdue
 * list follow, and a penalty run posts the difference. All dates are explicit past dates.
 *
 * <p>By hand, at 9.5% (on 31 Jul 2024 the key rate was 18%, the lesser of it and 9.5% is 9.5%, Decree 474 as
 * extended through 2024 by Decree 2382): due 10 May, 11 May - 31 Jul is 82 days, days 31-82 (52 days) at
 * 1/300: 100000 kop x 9.5% x 52 / 300 = 1646.67 kop = 16.47. Due 13 May, 14 May - 31 Jul is 79 days, 49 at
 * 1/300: 100000 x 9.5% x 49 / 300 = 1551.67 kop = 15.52. The correction posts 15.52 - 16.47 = -0.95.
 */
@LedgerIntegrationTest
class DueDateCorrectionApiTest {

    static final String REGION = "41";

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theRunCorrectsAnOldDueDateOnceAndPenaltiesAndTheOverdueListFollow() {
        Api api = new Api(port);
        AccountId account = AccountId.of(Api.newAccountId());
        String base = "/api/v1/accounts/" + account.value();
        transactions.executeWithoutResult(tx -> eventStore.publish(
                new GenericDomainEventMessage<>("Account", account.value(), 0,
                        new AccountOpened(account, "Orlova Vera", RegionCode.of(REGION), LocalDate.of(2024, 1, 1)),
                        Map.of("actor", "due-date-test")),
                new GenericDomainEventMessage<>("Account", account.value(), 1,
                        new ChargePosted(account, ChargeId.of("ENERGY-2024-04"), BillingPeriod.parse("2024-04"),
                                Money.parse("1000.00"), null, "Electricity for 2024-04", LocalDate.of(2024, 5, 10),
                                LocalDate.of(2024, 5, 1)),
                        Map.of("actor", "due-date-test"))));

        assertThat(ok(api.get(base + "/penalty?asOf=2024-07-31", "finance")).get("owed").asString()).isEqualTo("16.47");
        Api.Response accrued = api.post(base + "/penalty-accruals", "operator", "{\"asOf\": \"2024-07-31\"}");
        assertThat(accrued.json().get("posted").asString()).as(accrued.toString()).isEqualTo("16.47");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(overdue(api, "2024-05-12")).contains(account.value()));

        JsonNode run = ok(api.post("/api/v1/admin/due-date-corrections", "admin", """
                {"accountIds": ["%s"]}""".formatted(account.value())));
        assertThat(run.get("correctionsRecorded").asInt()).as(run.toString()).isEqualTo(1);
        JsonNode correction = run.get("corrections").get(0);
        assertThat(correction.get("previousDueDate").asString()).isEqualTo("2024-05-10");
        assertThat(correction.get("dueDate").asString()).isEqualTo("2024-05-13");
        // Idempotent: a second run finds nothing to correct.
        JsonNode again = ok(api.post("/api/v1/admin/due-date-corrections", "admin", """
                {"accountIds": ["%s"]}""".formatted(account.value())));
        assertThat(again.get("correctionsRecorded").asInt()).isZero();

        JsonNode penalty = ok(api.get(base + "/penalty?asOf=2024-07-31", "finance"));
        assertThat(penalty.get("owed").asString()).isEqualTo("15.52");
        Api.Response corrected = api.post(base + "/penalty-accruals", "operator", "{\"asOf\": \"2024-07-31\"}");
        assertThat(corrected.json().get("posted").asString()).as(corrected.toString()).isEqualTo("-0.95");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(overdue(api, "2024-05-12")).doesNotContain(account.value()));
        assertThat(overdue(api, "2024-05-14")).contains(account.value());

        Api.Response forbidden = api.post("/api/v1/admin/due-date-corrections", "operator", "{}");
        assertThat(forbidden.status()).isEqualTo(403);
        Api.Response badIds = api.post("/api/v1/admin/due-date-corrections", "admin", "{\"accountIds\": [\"\"]}");
        assertThat(badIds.status()).as(badIds.toString()).isEqualTo(400);
    }

    private static String overdue(Api api, String asOf) {
        return ok(api.get("/api/v1/overdue?region=" + REGION + "&limit=1000&asOf=" + asOf, "finance")).toString();
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }
}
