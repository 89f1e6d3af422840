package ru.utility.ledger.api.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often an idle stream looks for new events
 * @param heartbeat    how long a stream may stay silent before it sends a comment line (keeps proxies open)
 * @param streamTimeout after this a stream ends; EventSource clients reconnect with Last-Event-ID
 * @param maxStreamsPerUser open streams one user may hold on this node; one more is refused with 429
 */
@ConfigurationProperties("ledger.feed")
public record FeedProperties(@DefaultValue("250ms") Duration pollInterval,
                             @DefaultValue("15s") Duration heartbeat,
                             @DefaultValue("30m") Duration streamTimeout,
                             @DefaultValue("4") int maxStreamsPerUser) {
}
