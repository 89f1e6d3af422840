package ru.utility.ledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

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
 * An append transaction that takes its global index first but commits after later events, and after the
 * gap timeout: its events must still reach every projection. Without the settled-rows filter a reader
 * that meets the later event after the gap timeout drops the hole, and the late events are lost.
 */
@LedgerIntegrationTest
class LateCommitTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void anEventCommittedAfterLaterOnesAndAfterTheGapTimeoutReachesEveryProjection() throws Exception {
        Api api = new Api(port);
        AccountId late = AccountId.of(Api.newAccountId());
        String early = Api.newAccountId();
        TrackingToken reader = storageEngine.createHeadToken();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Void> lateTransaction = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            eventStore.publish(
                    new GenericDomainEventMessage<>("Account", late.value(), 0,
                            new AccountOpened(late, "Late Committer", RegionCode.of("77"), LocalDate.of(2026, 1, 1)),
                            Map.of("actor", "late-test")),
                    new GenericDomainEventMessage<>("Account", late.value(), 1,
                            new ChargePosted(late, ChargeId.of("LATE-1"), BillingPeriod.parse("2026-10"),
                                    Money.parse("321.00"), null, "Late charge", LocalDate.of(2026, 11, 16), BillingPeriod.parse("2026-10").next().firstDay()),
                            Map.of("actor", "late-test")));
            appended.countDown();
            awaitRelease(release);
        }));
        try {
            assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
            // A later event commits while the first transaction is still open.
            assertThat(api.post("/api/v1/accounts", "operator", """
                    {"accountId": "%s", "holderName": "Early Bird", "regionCode": "77", "openedOn": "2026-01-01"}"""
                    .formatted(early)).status()).isEqualTo(201);
            // Past the gap timeout, a tracking reader sees neither: the later row is not settled yet. (Had it
            // been handed the later event now, its token would move past the late rows with no gap to revisit.)
            Thread.sleep(LedgerIntegrationTest.GAP_TIMEOUT_MILLIS * 3);
            List<TrackedEventMessage<?>> seen = read(reader);
            assertThat(aggregates(seen)).doesNotContain(late.value(), early);
            reader = seen.isEmpty() ? reader : seen.getLast().trackingToken();
            assertThat(api.get("/api/v1/accounts/" + early, "finance").status()).isEqualTo(404);
        } finally {
            release.countDown();
        }
        lateTransaction.get(10, TimeUnit.SECONDS);

        // Committed now: both are read, the late one first, and every projection gets them.
        List<String> read = aggregates(read(reader));
        assertThat(read).contains(late.value(), early);
        assertThat(read.indexOf(late.value())).isLessThan(read.indexOf(early));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Api.Response balance = api.get("/api/v1/accounts/" + late.value() + "/balance", "finance");
            assertThat(balance.status()).as(balance.toString()).isEqualTo(200);
            assertThat(balance.json().get("balance").asString()).isEqualTo("321.00");
            Api.Response statement = api.get("/api/v1/accounts/" + late.value()
                    + "/statement?from=2026-01-01&to=2099-12-31", "finance");
            assertThat(statement.json().get("movements")).hasSize(1);
            assertThat(api.get("/api/v1/accounts/" + early, "finance").status()).isEqualTo(200);
        });
        // Published outside any command, the events are still sealed into the account's chain.
        assertThat(api.get("/api/v1/accounts/" + late.value() + "/integrity", "auditor").json().get("valid").asBoolean())
                .isTrue();
    }

    private List<TrackedEventMessage<?>> read(TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(token, false)) {
            return events.<TrackedEventMessage<?>>map(e -> e).toList();
        }
    }

    private static List<String> aggregates(List<TrackedEventMessage<?>> events) {
        return events.stream()
                .map(e -> ((org.axonframework.eventhandling.DomainEventMessage<?>) e).getAggregateIdentifier())
                .toList();
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the open transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
