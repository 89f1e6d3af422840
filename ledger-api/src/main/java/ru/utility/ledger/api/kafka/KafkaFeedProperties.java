package ru.utility.ledger.api.kafka;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Publishing the feed to Kafka; off unless {@code bootstrap-servers} is set.
 *
 * @param bootstrapServers the brokers, e.g. {@code kafka-1:9092,kafka-2:9092}
 * @param topic            one topic for all event types, keyed by account id
 * @param publisher        the name under which the published position is kept (one per target cluster)
 * @param batchSize        feed events sent before waiting for the broker's acknowledgements
 * @param pollInterval     how often an idle publisher looks for new feed events
 * @param producer         extra producer settings (security, compression); cannot switch idempotence off
 */
@ConfigurationProperties("ledger.kafka")
public record KafkaFeedProperties(String bootstrapServers,
                                  @DefaultValue("ledger.events") String topic,
                                  @DefaultValue("kafka") String publisher,
                                  @DefaultValue("500") int batchSize,
                                  @DefaultValue("250ms") Duration pollInterval,
                                  Map<String, String> producer) {
}
