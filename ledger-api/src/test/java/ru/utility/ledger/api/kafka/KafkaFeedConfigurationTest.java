package ru.utility.ledger.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.projections.feed.FeedQueries;

/** Kafka is off unless brokers are configured; with them the publisher exists (it is started by the context). */
class KafkaFeedConfigurationTest {

    @EnableConfigurationProperties(KafkaFeedProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, KafkaFeedConfiguration.class)
            .withBean(FeedQueries.class, () -> mock(FeedQueries.class))
            .withBean(JdbcTemplate.class, () -> mock(JdbcTemplate.class))
            .withBean(DataSource.class, () -> mock(DataSource.class));

    @Test
    void offWithoutBootstrapServers() {
        runner.run(context -> assertThat(context).doesNotHaveBean(FeedKafkaPublisher.class));
    }

    @Test
    void onWithBootstrapServersAndTheDefaults() {
        runner.withPropertyValues("ledger.kafka.bootstrap-servers=127.0.0.1:9")
                .run(context -> {
                    assertThat(context).hasSingleBean(FeedKafkaPublisher.class);
                    KafkaFeedProperties properties = context.getBean(KafkaFeedProperties.class);
                    assertThat(properties.topic()).isEqualTo("ledger.events");
                    assertThat(properties.publisher()).isEqualTo("kafka");
                });
    }
}
