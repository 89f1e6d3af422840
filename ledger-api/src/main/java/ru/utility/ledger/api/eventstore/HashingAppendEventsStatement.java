package ru.utility.ledger.api.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
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

/**
 * Axon's append statement plus the account hash chain. It runs inside the append transaction for every
 * write path (command handlers, direct publication, batches that span many aggregates), sees each message
 * and the serializer, and seals the message's metadata with {@link EventHashChain#HASH_KEY}. The previous
 * hash comes from earlier events of the same batch or, for the first event of an aggregate in the batch,
 * from the stored predecessor. Two writers that read the same predecessor collide on the unique
 * (aggregate, sequence) key, so the chain cannot fork.
 */
public class HashingAppendEventsStatement implements AppendEventsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        Map<String, byte[]> previousByAggregate = new HashMap<>();
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (" + schema.domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?)");
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> unsealedMetaData = event.serializeMetaData(serializer, byte[].class);
            String aggregate = event.getAggregateIdentifier();
            byte[] previous = previousByAggregate.get(aggregate);
            if (previous == null) {
                previous = storedPredecessorHash(connection, schema, aggregate, event.getSequenceNumber());
            }
            String timeStamp = DateTimeUtils.formatInstant(event.getTimestamp());
            byte[] hash = EventHashChain.hash(previous, new EventHashChain.StoredEvent(
                    event.getIdentifier(), aggregate, event.getSequenceNumber(), event.getType(), timeStamp,
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                    unsealedMetaData.getData()));
            previousByAggregate.put(aggregate, hash);
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
        return statement;
    }

    /** The predecessor's stored hash; the genesis value for a first event or one written before the chain. */
    private static byte[] storedPredecessorHash(Connection connection, EventSchema schema, String aggregate,
                                                long sequence) throws SQLException {
        if (sequence == 0) {
            return EventHashChain.GENESIS;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT " + schema.metaDataColumn() + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + schema.sequenceNumberColumn() + " = ?")) {
            query.setString(1, aggregate);
            query.setLong(2, sequence - 1);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return EventHashChain.GENESIS;
                }
                String stored = EventHashChain.storedHash(rs.getBytes(1));
                return stored == null ? EventHashChain.GENESIS : EventHashChain.unhex(stored);
            }
        }
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
