package ru.utility.ledger.api.http;

import java.sql.SQLException;

import org.axonframework.common.AxonTransientException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Tells a failure of the database (unreachable, connection dropped, commit not confirmed) from a bug: the
 * first is expected while PostgreSQL restarts and is answered 503 with Retry-After, so clients repeat it.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    static boolean isStoreFailure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 32; t = t.getCause()) {
            // The event store's own exception is recognised by the SQLException it wraps: the web layer
            // stays out of Axon's event sourcing packages (ArchitectureTest).
            if (t instanceof SQLException || t instanceof DataAccessException || t instanceof TransactionException
                    || t instanceof AxonTransientException) {
                return true;
            }
        }
        return false;
    }
}
