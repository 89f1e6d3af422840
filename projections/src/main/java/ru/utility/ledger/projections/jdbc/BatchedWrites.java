package ru.utility.ledger.projections.jdbc;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection's writes, sent to the database as JDBC batches when the event processor's batch commits
 * instead of one round trip per event. Writes are queued on the root unit of work (the processor's batch,
 * which also stores the token) and flushed in its prepare-commit phase, inside the same transaction, in the
 * order they were queued: consecutive writes with the same SQL go out as one JDBC batch (a multi-row
 * {@code INSERT} when the driver rewrites batched inserts). A write that changed no row runs its
 * {@code noRowChanged} check then; a check that throws rolls the whole batch back with its token, so the
 * processor retries it, exactly as if the handler itself had thrown.
 *
 * <p>Only for handlers that never read what an earlier event of the same batch wrote (their writes are
 * guarded by the event's sequence number instead). Outside a unit of work a write runs at once.
 */
public final class BatchedWrites {

    private record Write(String sql, Object[] args, Runnable noRowChanged) {
    }

    private final JdbcTemplate jdbc;
    private final String resourceKey;

    public BatchedWrites(JdbcTemplate jdbc, String name) {
        this.jdbc = jdbc;
        this.resourceKey = BatchedWrites.class.getName() + "." + name + "@" + System.identityHashCode(this);
    }

    /** Queues an insert or update; {@code noRowChanged} (may be null) runs if it changed no row. */
    public void update(String sql, Object[] args, Runnable noRowChanged) {
        if (!CurrentUnitOfWork.isStarted()) {
            if (jdbc.update(sql, args) == 0 && noRowChanged != null) {
                noRowChanged.run();
            }
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<Write> pending = root.getOrComputeResource(resourceKey, key -> {
            List<Write> queue = new ArrayList<>();
            root.onPrepareCommit(u -> flush(queue));
            return queue;
        });
        pending.add(new Write(sql, args, noRowChanged));
    }

    /**
     * Sends the writes queued so far in the current unit of work now, in order; for a handler that must read
     * or write directly what earlier events of the same batch queued. Outside a unit of work nothing is queued.
     */
    public void flush() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        List<Write> pending = CurrentUnitOfWork.get().root().getResource(resourceKey);
        if (pending != null) {
            flush(pending);
        }
    }

    private void flush(List<Write> pending) {
        List<Write> writes = List.copyOf(pending);
        pending.clear();
        int start = 0;
        while (start < writes.size()) {
            String sql = writes.get(start).sql();
            int end = start;
            List<Object[]> args = new ArrayList<>();
            while (end < writes.size() && writes.get(end).sql().equals(sql)) {
                args.add(writes.get(end).args());
                end++;
            }
            int[] counts = args.size() == 1 ? new int[] {jdbc.update(sql, args.getFirst())}
                    : jdbc.batchUpdate(sql, args);
            for (int i = 0; i < counts.length; i++) {
                Runnable check = writes.get(start + i).noRowChanged();
                if (counts[i] == 0 && check != null) {
                    check.run();
                }
            }
            start = end;
        }
    }
}
