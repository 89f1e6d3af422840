package ru.utility.ledger.api.config;

import static org.axonframework.common.jdbc.JdbcUtils.closeQuietly;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC token store, with one check: a processor moves its token on only from the position the store
 * holds. Projection batches commit asynchronously (ProjectionTransactions), so a database crash can lose a
 * commit the processor was told had succeeded, its rows and token together. The processor's work package
 * keeps the lost position in memory, and before this check its next batch stored a later token over the
 * older one: the events in between were never applied (issue 14: balances off after {@code pg_ctl restart
 * -m immediate}, though every event was stored). Now that batch finds the stored token is not the one it
 * last committed and fails as a lost claim; the processor releases the segment, claims it again from the
 * stored token and applies those events again.
 */
public class DurablePositionTokenStore extends JdbcTokenStore {

    private record Key(String processorName, int segment) {
    }

    /** The token each claimed segment last committed on this node; absent: not known, not checked. */
    private record Committed(TrackingToken token) {
    }

    private final Map<Key, Committed> committed = new ConcurrentHashMap<>();

    public DurablePositionTokenStore(JdbcTokenStore.Builder builder) {
        super(builder);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        Key key = new Key(processorName, segment);
        Committed last = committed.get(key);
        if (last != null) {
            TrackingToken stored = storedToken(processorName, segment);
            if (!Objects.equals(stored, last.token())) {
                committed.remove(key);
                throw new UnableToClaimTokenException("Processor " + processorName + " segment " + segment
                        + " last committed token " + last.token() + " but the store holds " + stored
                        + " (a commit was lost); claiming the segment again from the stored token");
            }
        }
        super.storeToken(token, processorName, segment);
        rememberOnCommit(key, token);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        TrackingToken token = super.fetchToken(processorName, segment);
        rememberOnCommit(new Key(processorName, segment), token);
        return token;
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        TrackingToken token = super.fetchToken(processorName, segment);
        rememberOnCommit(new Key(processorName, segment.getSegmentId()), token);
        return token;
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        committed.remove(new Key(processorName, segment));
        super.releaseClaim(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        committed.remove(new Key(processorName, segment));
        super.deleteToken(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        committed.remove(new Key(processorName, segment));
        super.initializeSegment(token, processorName, segment);
    }

    private TrackingToken storedToken(String processorName, int segment) {
        Connection connection = getConnection();
        try (PreparedStatement statement = select(connection, processorName, segment, false);
             ResultSet row = statement.executeQuery()) {
            return row.next() ? readTokenEntry(row).getToken(serializer()) : null;
        } catch (SQLException e) {
            throw new JdbcException("Could not read the token of processor " + processorName + " segment "
                    + segment, e);
        } finally {
            closeQuietly(connection);
        }
    }

    /** A position counts once its transaction has committed; one that rolls back was never reached. */
    private void rememberOnCommit(Key key, TrackingToken token) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed.put(key, new Committed(token));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.put(key, new Committed(token));
            }
        });
    }
}
