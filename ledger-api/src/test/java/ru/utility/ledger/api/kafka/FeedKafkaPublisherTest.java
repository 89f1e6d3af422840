package ru.utility.ledger.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.projections.feed.FeedQueries;

/**
 * Against spring-kafka-test's embedded KRaft broker (the ZooKeeper-based one is gone with Kafka 4). The
 * publisher is created here rather than by the shared test context, which runs without Kafka.
 */
@LedgerIntegrationTest
class FeedKafkaPublisherTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "ledger.events.test";
    private static EmbeddedKafkaKraftBroker broker;

    @LocalServerPort
    int port;
    @Autowired
    FeedQueries feed;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3, TOPIC);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void withoutBrokersNothingIsPublished() {
        assertThat(context.getBeansOfType(FeedKafkaPublisher.class)).isEmpty();
    }

    @Test
    void aConsumerSeesEveryEventInOrderPerAccountAcrossAPublisherRestart() throws Exception {
        Api api = new Api(port);
        String publisherName = "test-" + UUID.randomUUID();
        long start = feed.lastPosition();
        jdbc.update("INSERT INTO feed_publication (publisher, position) VALUES (?, ?)", publisherName, start);
        List<String> accounts = List.of(Api.newAccountId(), Api.newAccountId(), Api.newAccountId());
        for (String account : accounts) {
            open(api, account);
        }
        List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread consumer = Thread.ofVirtual().start(() -> consume(received, stop));
        try {
            KafkaFeedProperties properties = new KafkaFeedProperties(broker.getBrokersAsString(), TOPIC,
                    publisherName, 4, Duration.ofMillis(50), Map.of());
            FeedKafkaPublisher first = new FeedKafkaPublisher(properties, feed, jdbc, dataSource);
            first.start();
            pay(api, accounts, 0, 4);
            await().atMost(Duration.ofSeconds(30)).until(() -> first.publishedPosition() > start + 6);
            first.stop();

            pay(api, accounts, 4, 8);
            FeedKafkaPublisher second = new FeedKafkaPublisher(properties, feed, jdbc, dataSource);
            second.start();
            try {
                pay(api, accounts, 8, 10);
                long expected = accounts.size() * 11L;
                await().atMost(Duration.ofSeconds(30)).until(() -> distinctEventIds(received, accounts) == expected);
            } finally {
                second.stop();
            }
        } finally {
            stop.set(true);
            consumer.join(10_000);
        }

        Map<String, String> valueByEventId = new HashMap<>();
        for (ConsumerRecord<String, String> record : received) {
            JsonNode event = JSON.readTree(record.value());
            assertThat(record.key()).isEqualTo(event.get("accountId").asText());
            assertThat(new String(record.headers().lastHeader("eventId").value(), StandardCharsets.UTF_8))
                    .isEqualTo(event.get("eventId").asText());
            String previous = valueByEventId.putIfAbsent(event.get("eventId").asText(), record.value());
            assertThat(previous).as("a repeat is the same event").isIn(null, record.value());
        }
        for (String account : accounts) {
            List<Long> sequences = firstSightings(received, account);
            assertThat(sequences).as(account).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
    }

    /** Account sequence numbers in the order a deduplicating consumer first sees each event id. */
    private static List<Long> firstSightings(List<ConsumerRecord<String, String>> received, String account) {
        Map<String, Long> seen = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : received) {
            if (record.key().equals(account)) {
                JsonNode event = JSON.readTree(record.value());
                seen.putIfAbsent(event.get("eventId").asText(), event.get("accountSequence").asLong());
            }
        }
        return new ArrayList<>(seen.values());
    }

    private static long distinctEventIds(List<ConsumerRecord<String, String>> received, List<String> accounts) {
        return received.stream().filter(r -> accounts.contains(r.key()))
                .map(r -> new String(r.headers().lastHeader("eventId").value(), StandardCharsets.UTF_8))
                .distinct().count();
    }

    private static void consume(List<ConsumerRecord<String, String>> received, AtomicBoolean stop) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            while (!stop.get()) {
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
            }
        }
    }

    private static void open(Api api, String account) {
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Kafka Reader", "regionCode": "50", "openedOn": "2026-01-10"}"""
                .formatted(account)).status()).isEqualTo(201);
    }

    private static void pay(Api api, List<String> accounts, int from, int to) {
        for (int i = from; i < to; i++) {
            for (String account : accounts) {
                assertThat(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                        {"paymentId": "K-%d", "amount": "%d.00", "channel": "AUTOPAY", "receivedOn": "2026-11-20"}"""
                        .formatted(i, i + 1)).status()).isEqualTo(201);
            }
        }
    }
}
