package ru.utility.ledger.api.kafka;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.projections.feed.FeedQueries;
import ru.utility.ledger.projections.feed.contract.FeedEvent;

/**
 * Copies the feed into a Kafka topic, keyed by account id so that one account's events share a partition
 * and keep their order. The producer is idempotent (acks=all), so its own retries neither duplicate nor
 * reorder. The published position is stored only after every event up to it was acknowledged; after a
 * crash or any send failure the publisher starts a fresh producer and re-sends from the stored position,
 * so consumers see every event at least once, a repeat always with the same event id.
 *
 * <p>Only one node publishes: the publisher holds a PostgreSQL advisory lock named after it on a
 * dedicated connection for as long as it runs; other nodes wait as standbys.
 */
public class FeedKafkaPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedKafkaPublisher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String EVENT_ID_HEADER = "eventId";
    public static final String TYPE_HEADER = "type";

    private final KafkaFeedProperties properties;
    private final FeedQueries feed;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private volatile boolean running;
    private volatile Thread worker;

    public FeedKafkaPublisher(KafkaFeedProperties properties, FeedQueries feed, JdbcTemplate jdbc,
                              DataSource dataSource) {
        if (properties.bootstrapServers() == null || properties.bootstrapServers().isBlank()) {
            throw new IllegalArgumentException("ledger.kafka.bootstrap-servers is required");
        }
        this.properties = properties;
        this.feed = feed;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The last position the broker acknowledged (0 before the first event). */
    public long publishedPosition() {
        List<Long> position = jdbc.queryForList("SELECT position FROM feed_publication WHERE publisher = ?",
                Long.class, properties.publisher());
        return position.isEmpty() ? 0 : position.getFirst();
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("feed-kafka-" + properties.publisher()).daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Connection lockConnection = dataSource.getConnection()) {
                if (tryLock(lockConnection)) {
                    try {
                        publishWhileRunning();
                    } finally {
                        unlock(lockConnection);
                    }
                } else {
                    Thread.sleep(properties.pollInterval().multipliedBy(20));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("Kafka publisher {} failed; re-sending from its stored position with a new producer",
                        properties.publisher(), e);
                try {
                    Thread.sleep(properties.pollInterval().multipliedBy(4));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void publishWhileRunning() throws InterruptedException {
        DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(producerConfig());
        try {
            KafkaTemplate<String, String> kafka = new KafkaTemplate<>(factory);
            long position = publishedPosition();
            while (running) {
                List<FeedEvent> events = feed.after(position, properties.batchSize(), Set.of());
                if (events.isEmpty()) {
                    Thread.sleep(properties.pollInterval());
                    continue;
                }
                List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(events.size());
                for (FeedEvent event : events) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(properties.topic(),
                            event.accountId(), JSON.writeValueAsString(event));
                    record.headers().add(EVENT_ID_HEADER, event.eventId().getBytes(StandardCharsets.UTF_8));
                    record.headers().add(TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
                    sends.add(kafka.send(record));
                }
                kafka.flush();
                for (CompletableFuture<SendResult<String, String>> send : sends) {
                    try {
                        send.get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("Kafka did not acknowledge a feed event", e.getCause());
                    }
                }
                position = events.getLast().position();
                savePosition(position);
            }
        } finally {
            factory.destroy();
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        if (properties.producer() != null) {
            config.putAll(properties.producer());
        }
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "utility-ledger-" + properties.publisher());
        return config;
    }

    private void savePosition(long position) {
        jdbc.update("""
                INSERT INTO feed_publication (publisher, position) VALUES (?, ?)
                ON CONFLICT (publisher) DO UPDATE SET position = excluded.position, updated_at = now()
                """, properties.publisher(), position);
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            statement.setString(1, "feed-kafka:" + properties.publisher());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void unlock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            statement.setString(1, "feed-kafka:" + properties.publisher());
            statement.execute();
        }
    }
}
