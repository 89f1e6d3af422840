package ru.utility.ledger.api.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.SseClient;

/**
 * ChargePosted version 2 carries postedOn; subscribers that do not ask for it keep version 1 unchanged, and the
 * migration gives the charges already in the feed their version 2.
 */
@LedgerIntegrationTest
class FeedVersionsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aConsumerAsksForVersionTwoAndEveryoneElseKeepsVersionOne() throws Exception {
        Api api = new Api(port);
        long start = FeedApiTest.lastPosition(api);
        String account = Api.newAccountId();
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Feed Versions", "regionCode": "77", "openedOn": "2024-01-01"}"""
                .formatted(account)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                {"billingPeriod": "2024-03", "amount": "700.00", "postedOn": "2024-04-02"}""").status()).isEqualTo(201);

        JsonNode v1 = await().atMost(Duration.ofSeconds(10)).until(() -> charge(api, start, account, null),
                e -> e != null);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("data").has("postedOn")).isFalse();
        assertThat(v1.get("data").get("dueDate").asString()).isEqualTo("2024-04-10");

        JsonNode v2 = charge(api, start, account, "ChargePosted:2");
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("position").asLong()).isEqualTo(v1.get("position").asLong());
        assertThat(v2.get("eventId").asString()).isEqualTo(v1.get("eventId").asString());
        assertThat(v2.get("data").get("postedOn").asString()).isEqualTo("2024-04-02");
        assertThat(v2.get("data").get("amount").asString()).isEqualTo("700.00");
        // The Server-Sent Events stream takes the same parameter.
        try (SseClient stream = new SseClient(port, "/api/v1/feed/stream?types=ChargePosted&versions=ChargePosted:2&after="
                + (v1.get("position").asLong() - 1), "integration", null)) {
            assertThat(stream.status()).isEqualTo(200);
            SseClient.Event event = stream.next(Duration.ofSeconds(10));
            assertThat(event).isNotNull();
            assertThat(event.id()).isEqualTo(v1.get("position").asString());
            assertThat(event.json().get("version").asInt()).isEqualTo(2);
            assertThat(event.json().get("data").get("postedOn").asString()).isEqualTo("2024-04-02");
        }
        // Other types are untouched by a version asked for ChargePosted.
        JsonNode opened = api.get("/api/v1/feed?limit=1000&types=AccountOpened&versions=ChargePosted:2&after=" + start,
                "integration").json().get("events");
        assertThat(opened).allSatisfy(e -> assertThat(e.get("version").asInt()).isEqualTo(1));

        // The migration's back-fill: a feed written before version 2 existed gets it from the stored payload.
        long position = v1.get("position").asLong();
        String written = jdbc.queryForObject(
                "SELECT data FROM feed_event_version WHERE position = ? AND event_version = 2", String.class, position);
        jdbc.update("DELETE FROM feed_event_version WHERE position = ?", position);
        assertThat(charge(api, start, account, "ChargePosted:2").get("version").asInt()).isEqualTo(1);
        jdbc.update(backfill());
        assertThat(jdbc.queryForObject("SELECT data FROM feed_event_version WHERE position = ? AND event_version = 2",
                String.class, position)).isEqualTo(written);
        assertThat(charge(api, start, account, "ChargePosted:2").get("data").get("postedOn").asString())
                .isEqualTo("2024-04-02");

        for (String bad : List.of("ChargePosted:3", "ChargePosted", "Nope:2", "ChargePosted:x",
                "ChargePosted:2,ChargePosted:1")) {
            Api.Response response = api.get("/api/v1/feed?versions=" + bad, "integration");
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("versions");
        }
    }

    private static JsonNode charge(Api api, long after, String account, String versions) {
        JsonNode events = api.get("/api/v1/feed?limit=1000&types=ChargePosted&after=" + after
                + (versions == null ? "" : "&versions=" + versions), "integration").json().get("events");
        for (JsonNode event : events) {
            if (event.get("accountId").asString().equals(account)) {
                return event;
            }
        }
        return null;
    }

    /** The INSERT of the migration, run again as it ran on an installation whose feed predates version 2. */
    private static String backfill() throws IOException {
        try (InputStream in = FeedVersionsApiTest.class.getResourceAsStream("/db/migration/V76__feed_event_versions.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return sql.substring(sql.indexOf("INSERT INTO feed_event_version"));
        }
    }
}
