package ru.utility.ledger.api.kafka;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.projections.feed.FeedQueries;

/** The Kafka publisher exists only when brokers are configured; without them nothing Kafka starts. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ledger.kafka", name = "bootstrap-servers")
public class KafkaFeedConfiguration {

    @Bean
    public FeedKafkaPublisher feedKafkaPublisher(KafkaFeedProperties properties, FeedQueries feed, JdbcTemplate jdbc,
                                                 DataSource dataSource) {
        return new FeedKafkaPublisher(properties, feed, jdbc, dataSource);
    }
}
