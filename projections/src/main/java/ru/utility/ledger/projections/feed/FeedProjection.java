package ru.utility.ledger.projections.feed;

import java.sql.Timestamp;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.utility.ledger.projections.feed.contract.PublicEventCatalog;

/**
 * Gives every published event a dense feed position. The processor has exactly one segment (see
 * application.yaml), so one thread at a time appends, and it takes max(position) + 1 inside the same
 * transaction as its token: the positions of a batch become visible together with no hole. A redelivered
 * event (after a crash between the write and the token) is recognised by its event id and skipped.
 */
@Component
@ProcessingGroup(FeedProjection.PROCESSING_GROUP)
public class FeedProjection {

    public static final String PROCESSING_GROUP = "feed";
    public static final String CORRELATION_ID = "correlationId";

    private static final Logger log = LoggerFactory.getLogger(FeedProjection.class);

    private final JdbcTemplate jdbc;
    // One JDBC batch per processor batch; the statements run in order in the batch's transaction, so each
    // still sees the positions the earlier ones took.
    private final ru.utility.ledger.projections.jdbc.BatchedWrites writes;

    public FeedProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new ru.utility.ledger.projections.jdbc.BatchedWrites(jdbc, PROCESSING_GROUP);
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        PublicEventCatalog.Published published = PublicEventCatalog.publish(event);
        if (published == null) {
            return;
        }
        Object correlation = message.getMetaData().get(CORRELATION_ID);
        writes.update("""
                INSERT INTO feed_event (position, event_id, event_type, event_version, account_id, account_sequence,
                                        recorded_at, correlation_id, data)
                SELECT COALESCE((SELECT max(position) FROM feed_event), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?
                 WHERE NOT EXISTS (SELECT 1 FROM feed_event WHERE event_id = ?)
                """, new Object[] {
                message.getIdentifier(), published.type(), published.version(), published.accountId(),
                message.getSequenceNumber(), Timestamp.from(message.getTimestamp()),
                correlation == null ? null : correlation.toString(), published.dataJson(), message.getIdentifier()},
                null);
        // Newer versions go beside the row just written (the writes run in order in one transaction).
        for (PublicEventCatalog.Published newer : PublicEventCatalog.publishNewer(event)) {
            writes.update("""
                    INSERT INTO feed_event_version (position, event_version, data)
                    SELECT position, ?, ? FROM feed_event WHERE event_id = ?
                    ON CONFLICT (position, event_version) DO NOTHING
                    """, new Object[] {newer.version(), newer.dataJson(), message.getIdentifier()}, null);
        }
    }

    /**
     * Positions already handed out are promises to consumers, so a replay must not renumber them: it
     * keeps the table, and the event-id guard above makes the replay add only events the feed lacks.
     */
    @ResetHandler
    void reset() {
        log.info("feed replay: existing positions are kept; only events missing from the feed are appended");
    }
}
