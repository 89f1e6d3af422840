package ru.utility.ledger.projections.jdbc;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one repeat-delivery guard of the projections: an event delivered again (a retried batch, a replay racing
 * live processing, a second node after a lost claim) is answered "not new" and the projection skips it.
 *
 * <p>{@code projection_guard} keeps per projection and aggregate stream the highest sequence number applied
 * (V110). On the first question in a processor batch the guard advances the marks of every event of the batch
 * in one statement, in the batch's own transaction, and remembers which events were past the old mark; the
 * rest of the batch is answered from memory. So the guard commits (or rolls back) with the projection's writes
 * and its token, and costs one round trip per batch. Events of one stream arrive in order (the processors'
 * sequencing policy), which is what lets a mark per stream stand for every event at or before it.
 *
 * <p>The upsert takes the row lock and reads the row's committed mark ({@code previous_sequence} is set from
 * it), so two transactions that deliver the same event cannot both find it new. Outside a unit of work (a
 * test calling a handler) each question is its own statement.
 */
public final class ProjectionGuard {

    private record Key(String aggregateId, long sequence) {
    }

    private static final String ADVANCE = """
            WITH batch (aggregate_id, sequence) AS (SELECT * FROM unnest(?::text[], ?::bigint[])),
                 advanced AS (
                    INSERT INTO projection_guard AS g (projection, aggregate_id, last_sequence, previous_sequence)
                    SELECT ?, aggregate_id, max(sequence), -1 FROM batch GROUP BY aggregate_id
                    ON CONFLICT (projection, aggregate_id) DO UPDATE
                       SET previous_sequence = g.last_sequence, last_sequence = excluded.last_sequence
                     WHERE g.last_sequence < excluded.last_sequence
                    RETURNING aggregate_id, previous_sequence)
            SELECT b.aggregate_id, b.sequence FROM batch b JOIN advanced a ON a.aggregate_id = b.aggregate_id
             WHERE b.sequence > a.previous_sequence""";

    private final JdbcTemplate jdbc;
    private final String projection;
    private final String resourceKey;

    /** {@code projection} names the guarded read model; its processing group's name. */
    public ProjectionGuard(JdbcTemplate jdbc, String projection) {
        this.jdbc = jdbc;
        this.projection = projection;
        this.resourceKey = ProjectionGuard.class.getName() + "." + projection + "@" + System.identityHashCode(this);
    }

    /** True when this projection has not applied the event at {@code sequence} of the stream yet. */
    public boolean firstDelivery(String aggregateId, long sequence) {
        Key key = new Key(aggregateId, sequence);
        if (!CurrentUnitOfWork.isStarted()) {
            return advance(List.of(key)).contains(key);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        BatchAnswers answers = root.getOrComputeResource(resourceKey, k -> new BatchAnswers());
        if (!answers.loaded) {
            answers.loaded = true;
            List<Key> batch = keysOf(root);
            answers.fresh.addAll(advance(batch));
            answers.asked.addAll(batch);
        }
        if (!answers.asked.contains(key)) {
            // Not one of the batch's domain events as the unit of work lists them: asked on its own.
            answers.asked.add(key);
            answers.fresh.addAll(advance(List.of(key)));
        }
        return answers.fresh.contains(key);
    }

    /** Forgets every event this projection applied: its replay starts from nothing (call from the reset). */
    public void reset() {
        jdbc.update("DELETE FROM projection_guard WHERE projection = ?", projection);
    }

    private static final class BatchAnswers {
        boolean loaded;
        final Set<Key> asked = new HashSet<>();
        final Set<Key> fresh = new HashSet<>();
    }

    private static List<Key> keysOf(UnitOfWork<?> root) {
        List<? extends Message<?>> messages = root instanceof BatchingUnitOfWork<?> batching
                ? batching.getMessages() : List.of(root.getMessage());
        List<Key> keys = new ArrayList<>(messages.size());
        for (Message<?> message : messages) {
            if (message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null) {
                keys.add(new Key(event.getAggregateIdentifier(), event.getSequenceNumber()));
            }
        }
        return keys;
    }

    private Set<Key> advance(List<Key> keys) {
        Set<Key> fresh = new HashSet<>();
        if (keys.isEmpty()) {
            return fresh;
        }
        String[] ids = new String[keys.size()];
        Long[] sequences = new Long[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            ids[i] = keys.get(i).aggregateId();
            sequences[i] = keys.get(i).sequence();
        }
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(ADVANCE);
            Array idArray = connection.createArrayOf("text", ids);
            Array sequenceArray = connection.createArrayOf("bigint", sequences);
            statement.setArray(1, idArray);
            statement.setArray(2, sequenceArray);
            statement.setString(3, projection);
            return statement;
        }, rs -> {
            fresh.add(new Key(rs.getString(1), rs.getLong(2)));
        });
        return fresh;
    }
}
