package ru.utility.ledger.api.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * Tracked-event reads that return only rows whose writing transaction is older than every transaction
 * still in flight. Axon assigns {@code global_index} at insert but a row becomes visible at commit; a reader
 * that passes a hole and gives up on it after the gap timeout would lose an event whose transaction commits
 * later. With this filter a later row stays invisible until every older writer has finished, so a hole a
 * reader passes can only be a rollback. The cost: a long-running writing transaction holds projections back
 * (visible as lag on /api/v1/admin/projections), which is the price of never skipping an event.
 */
public final class LateCommitSafeReads {

    static final String SETTLED = "tx_id < pg_snapshot_xmin(pg_current_snapshot())";

    private LateCommitSafeReads() {
    }

    public static PreparedStatement readEventDataWithoutGaps(Connection connection, EventSchema schema,
                                                             long globalIndex, int batchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.trackedEventFields()
                + " FROM " + schema.domainEventTable() + " WHERE " + schema.globalIndexColumn() + " > ? AND "
                + schema.globalIndexColumn() + " <= ? AND " + SETTLED + " ORDER BY " + schema.globalIndexColumn());
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        return statement;
    }

    public static PreparedStatement readEventDataWithGaps(Connection connection, EventSchema schema,
                                                          long globalIndex, int batchSize, List<Long> gaps)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.trackedEventFields()
                + " FROM " + schema.domainEventTable() + " WHERE ((" + schema.globalIndexColumn() + " > ? AND "
                + schema.globalIndexColumn() + " <= ?) OR " + schema.globalIndexColumn() + " IN ("
                + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")) AND " + SETTLED
                + " ORDER BY " + schema.globalIndexColumn());
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }

    /** Used to jump over a long stretch of holes: it must not jump to a row that is not yet settled either. */
    public static PreparedStatement fetchTrackedEvents(Connection connection, EventSchema schema, long index)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT min(" + schema.globalIndexColumn()
                + ") FROM " + schema.domainEventTable() + " WHERE " + schema.globalIndexColumn() + " > ? AND "
                + SETTLED);
        statement.setLong(1, index);
        return statement;
    }
}
