package ru.utility.ledger.api.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's append statement plus the account hash chain. It runs inside the append transaction for every
 * write path (command handlers, direct publication, batches that span many aggregates), sees each message
 * and the serializer, and seals the message's metadata with {@link EventHashChain#HASH_KEY} and the scheme
 * it was computed in, {@link EventHashChain#SCHEME_KEY}. The previous hash comes from earlier events of the
 * same batch or, for the first event of an aggregate in the batch, from the stored predecessor. Two writers that read the same predecessor collide on the unique
 * (aggregate, sequence) key, so the chain cannot fork.
 *
 * <p>The stored predecessor comes from {@link ChainHeads} when that holds the committed hash of exactly the
 * predecessor's sequence (recorded after commit, see there); the others are read in one query for the whole
 * batch, so a bulk chunk of many accounts costs one read, not one per account.
 */
public class HashingAppendEventsStatement implements AppendEventsStatementBuilder {

    private final ChainHeads chainHeads;

    /** Reads every predecessor from the store. */
    public HashingAppendEventsStatement() {
        this(null);
    }

    /** Takes committed predecessors from {@code chainHeads} (null: none) and records the new heads on commit. */
    public HashingAppendEventsStatement(ChainHeads chainHeads) {
        this.chainHeads = chainHeads;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        Map<String, byte[]> previousByAggregate = storedPredecessors(connection, schema, events);
        Map<String, Long> lastSequenceByAggregate = new LinkedHashMap<>();
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (" + schema.domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?)");
        for (EventMessage<?> message : events) {
            // New events are sealed in the RFC 8785 form, named in the metadata the hash covers.
            DomainEventMessage<?> event = asDomainEvent(message)
                    .andMetaData(Map.of(EventHashChain.SCHEME_KEY, EventHashChain.SCHEME_JCS));
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> unsealedMetaData = event.serializeMetaData(serializer, byte[].class);
            String aggregate = event.getAggregateIdentifier();
            byte[] previous = previousByAggregate.get(aggregate);
            String timeStamp = DateTimeUtils.formatInstant(event.getTimestamp());
            byte[] hash = EventHashChain.hash(previous, new EventHashChain.StoredEvent(
                    event.getIdentifier(), aggregate, event.getSequenceNumber(), event.getType(), timeStamp,
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                    unsealedMetaData.getData()));
            previousByAggregate.put(aggregate, hash);
            lastSequenceByAggregate.put(aggregate, event.getSequenceNumber());
            DomainEventMessage<?> sealed = event.andMetaData(Map.of(EventHashChain.HASH_KEY, EventHashChain.hex(hash)));
            SerializedObject<?> metaData = sealed.serializeMetaData(serializer, dataType);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, aggregate);
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            statement.setString(5, timeStamp);
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setObject(8, payload.getData());
            statement.setObject(9, metaData.getData());
            statement.addBatch();
        }
        rememberOnCommit(lastSequenceByAggregate, previousByAggregate);
        return statement;
    }

    /**
     * The hash preceding each aggregate's first event in the batch: the genesis value for a first event or
     * one whose predecessor was written before the chain, the cached committed head, or the stored row (all
     * misses in one query; it also sees rows this transaction wrote earlier).
     */
    private Map<String, byte[]> storedPredecessors(Connection connection, EventSchema schema,
                                                   List<? extends EventMessage<?>> events) throws SQLException {
        Map<String, byte[]> previous = new HashMap<>();
        Map<String, Long> missing = new LinkedHashMap<>();
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            String aggregate = event.getAggregateIdentifier();
            if (previous.containsKey(aggregate) || missing.containsKey(aggregate)) {
                continue;
            }
            long predecessor = event.getSequenceNumber() - 1;
            byte[] cached = predecessor < 0 ? EventHashChain.GENESIS
                    : chainHeads == null ? null : chainHeads.hashOf(aggregate, predecessor);
            if (cached != null) {
                previous.put(aggregate, cached);
            } else {
                missing.put(aggregate, predecessor);
            }
        }
        if (missing.isEmpty()) {
            return previous;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT " + schema.aggregateIdentifierColumn()
                + ", " + schema.metaDataColumn() + " FROM " + schema.domainEventTable() + " WHERE ("
                + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn() + ") IN ("
                + String.join(",", Collections.nCopies(missing.size(), "(?,?)")) + ")")) {
            int parameter = 1;
            for (Map.Entry<String, Long> entry : missing.entrySet()) {
                query.setString(parameter++, entry.getKey());
                query.setLong(parameter++, entry.getValue());
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String stored = EventHashChain.storedHash(rs.getBytes(2));
                    if (stored != null) {
                        previous.put(rs.getString(1), EventHashChain.unhex(stored));
                    }
                }
            }
        }
        for (String aggregate : missing.keySet()) {
            previous.putIfAbsent(aggregate, EventHashChain.GENESIS);
        }
        return previous;
    }

    /** Records the batch's new chain heads once (and only if) the transaction that appends them commits. */
    private void rememberOnCommit(Map<String, Long> lastSequences, Map<String, byte[]> lastHashes) {
        if (chainHeads == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        List<Object[]> heads = new ArrayList<>(lastSequences.size());
        lastSequences.forEach((aggregate, sequence) -> heads.add(
                new Object[] {aggregate, sequence, lastHashes.get(aggregate)}));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (Object[] head : heads) {
                    chainHeads.committed((String) head[0], (Long) head[1], (byte[]) head[2]);
                }
            }
        });
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
