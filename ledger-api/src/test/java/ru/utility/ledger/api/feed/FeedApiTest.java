package ru.utility.ledger.api.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.SseClient;
import ru.utility.ledger.projections.feed.FeedProjection;

@LedgerIntegrationTest
class FeedApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokens;
    @Autowired
    TransactionManager transactions;

    @Test
    void catchUpReturnsAnAccountsEventsInOrderWithDenseGapFreePositions() {
        Api api = new Api(port);
        long start = lastPosition(api);
        String account = openChargeAndPay(api, "FEED-P1");

        List<JsonNode> mine = await().atMost(WAIT).until(() -> eventsOf(api, start, account), e -> e.size() == 3);

        assertThat(mine).extracting(e -> e.get("type").asText())
                .containsExactly("AccountOpened", "ChargePosted", "PaymentRecorded");
        assertThat(mine).extracting(e -> e.get("accountSequence").asLong()).containsExactly(0L, 1L, 2L);
        JsonNode payment = mine.get(2);
        assertThat(payment.get("version").asInt()).isEqualTo(1);
        assertThat(payment.get("eventId").asText()).isNotBlank();
        assertThat(payment.get("correlationId").asText()).isNotBlank();
        assertThat(payment.get("data").get("amount").asText()).isEqualTo("500.25");
        assertThat(payment.get("data").get("paymentId").asText()).isEqualTo("FEED-P1");
        assertThat(payment.get("data").get("receivedOn").asText()).isEqualTo("2026-11-20");
        Long positions = jdbc.queryForObject("SELECT count(*) FROM feed_event", Long.class);
        Long highest = jdbc.queryForObject("SELECT max(position) FROM feed_event", Long.class);
        assertThat(positions).isEqualTo(highest);
    }

    @Test
    void pagesFollowNextAndFilterByType() {
        Api api = new Api(port);
        long start = lastPosition(api);
        String account = openChargeAndPay(api, "FEED-P2");
        await().atMost(WAIT).until(() -> eventsOf(api, start, account).size() == 3);

        List<String> types = new ArrayList<>();
        long after = start;
        for (int page = 0; page < 100; page++) {
            JsonNode body = api.get("/api/v1/feed?limit=1&types=PaymentRecorded,AccountOpened&after=" + after,
                    "integration").json();
            if (body.get("events").isEmpty()) {
                assertThat(body.get("next").asLong()).isEqualTo(after);
                break;
            }
            JsonNode event = body.get("events").get(0);
            assertThat(event.get("position").asLong()).isGreaterThan(after);
            if (event.get("accountId").asText().equals(account)) {
                types.add(event.get("type").asText());
            }
            after = body.get("next").asLong();
        }
        assertThat(types).containsExactly("AccountOpened", "PaymentRecorded");
    }

    @Test
    void badQueriesAreProblemsNamingTheField() {
        Api api = new Api(port);
        assertField(api.get("/api/v1/feed?after=-1", "integration"), "after");
        assertField(api.get("/api/v1/feed?after=abc", "integration"), "after");
        assertField(api.get("/api/v1/feed?limit=0", "integration"), "limit");
        assertField(api.get("/api/v1/feed?limit=5000", "integration"), "limit");
        assertField(api.get("/api/v1/feed?types=PaymentRecorded,Nonsense", "integration"), "types");
        assertField(api.get("/api/v1/feed/stream?types=Nonsense", "integration"), "types");
    }

    @Test
    void theStreamSendsEventsWithPositionIdsHeartbeatsAndResumesAfterLastEventId() throws Exception {
        Api api = new Api(port);
        long start = lastPosition(api);
        String account;
        List<SseClient.Event> first = new ArrayList<>();
        try (SseClient stream = new SseClient(port, "/api/v1/feed/stream?types=PaymentRecorded&after=" + start,
                "integration", null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            account = openChargeAndPay(api, "FEED-S1");
            first.add(nextOf(stream, account));
            assertThat(stream.nextComment(WAIT)).isNotBlank();
        }
        SseClient.Event payment = first.getFirst();
        assertThat(payment.name()).isEqualTo("PaymentRecorded");
        assertThat(payment.json().get("position").asText()).isEqualTo(payment.id());
        assertThat(payment.json().get("data").get("paymentId").asText()).isEqualTo("FEED-S1");

        // A second payment while disconnected arrives first after reconnecting with Last-Event-ID.
        assertThat(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                {"paymentId": "FEED-S2", "amount": "1.00", "channel": "CASH_OFFICE", "receivedOn": "2026-11-21"}""")
                .status()).isEqualTo(201);
        try (SseClient resumed = new SseClient(port, "/api/v1/feed/stream?types=PaymentRecorded&after=0",
                "integration", payment.id())) {
            SseClient.Event next = nextOf(resumed, account);
            assertThat(Long.parseLong(next.id())).isGreaterThan(Long.parseLong(payment.id()));
            assertThat(next.json().get("data").get("paymentId").asText()).isEqualTo("FEED-S2");
        }
    }

    @Test
    void redeliveryFromTheStartRenumbersNothingAndDuplicatesNothing() {
        Api api = new Api(port);
        long start = lastPosition(api);
        String account = openChargeAndPay(api, "FEED-R1");
        List<JsonNode> before = await().atMost(WAIT).until(() -> eventsOf(api, start, account), e -> e.size() == 3);
        Long rowsBefore = jdbc.queryForObject("SELECT count(*) FROM feed_event", Long.class);

        StreamingEventProcessor feed = processing.eventProcessor(FeedProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        // As after a crash between the feed's writes and its token, taken to the extreme: the processor
        // starts over from no token and receives every stored event again.
        feed.shutDown();
        transactions.executeInTransaction(() -> {
            tokens.storeToken(null, FeedProjection.PROCESSING_GROUP, 0);
            tokens.releaseClaim(FeedProjection.PROCESSING_GROUP, 0);
        });
        feed.start();
        // The processor redelivers every stored event, then this one: seeing it means the replay went past all.
        String later = openChargeAndPay(api, "FEED-R2");
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(api, start, later).size() == 3);

        assertThat(eventsOf(api, start, account)).extracting(e -> e.get("position").asLong())
                .containsExactlyElementsOf(before.stream().map(e -> e.get("position").asLong()).toList());
        Long rowsAfter = jdbc.queryForObject("SELECT count(*) FROM feed_event", Long.class);
        Long highest = jdbc.queryForObject("SELECT max(position) FROM feed_event", Long.class);
        assertThat(rowsAfter).isEqualTo(rowsBefore + 3).isEqualTo(highest);
    }

    /** The stream never ends for an allowed user, so SecurityMatrixTest (which reads whole bodies) checks only the page. */
    @Test
    void theStreamIsForIntegrationAndAdminOnly() throws Exception {
        Api api = new Api(port);
        assertThat(api.get("/api/v1/feed/stream", null).status()).isEqualTo(401);
        for (String user : List.of("operator", "finance", "auditor")) {
            Api.Response denied = api.get("/api/v1/feed/stream", user);
            assertThat(denied.status()).as(user).isEqualTo(403);
            assertThat(denied.contentType()).startsWith("application/problem+json");
        }
        for (String user : List.of("integration", "admin")) {
            try (SseClient stream = new SseClient(port, "/api/v1/feed/stream", user, null)) {
                assertThat(stream.status()).as(user).isEqualTo(200);
            }
        }
    }

    private static SseClient.Event nextOf(SseClient stream, String account) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SseClient.Event event = stream.next(WAIT);
            if (event.json().get("accountId").asText().equals(account)) {
                return event;
            }
        }
        throw new AssertionError("no event of " + account);
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    static long lastPosition(Api api) {
        long after = 0;
        while (true) {
            JsonNode body = api.get("/api/v1/feed?limit=1000&after=" + after, "integration").json();
            if (body.get("events").isEmpty()) {
                return after;
            }
            after = body.get("next").asLong();
        }
    }

    static List<JsonNode> eventsOf(Api api, long after, String account) {
        List<JsonNode> mine = new ArrayList<>();
        long position = after;
        while (true) {
            JsonNode body = api.get("/api/v1/feed?limit=1000&after=" + position, "integration").json();
            for (JsonNode event : body.get("events")) {
                if (event.get("accountId").asText().equals(account)) {
                    mine.add(event);
                }
            }
            if (body.get("events").isEmpty()) {
                return mine;
            }
            position = body.get("next").asLong();
        }
    }

    static String openChargeAndPay(Api api, String paymentId) {
        String account = Api.newAccountId();
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Feed Reader", "regionCode": "77", "openedOn": "2026-01-10"}"""
                .formatted(account)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                {"billingPeriod": "2026-10", "amount": "1000.00", "kwh": "200"}""").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                {"paymentId": "%s", "amount": "500.25", "channel": "MOBILE_APP", "receivedOn": "2026-11-20"}"""
                .formatted(paymentId)).status()).isEqualTo(201);
        return account;
    }
}
