package ru.utility.ledger.projections.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.projections.support.ProjectionDatabase;

/** Projection writes queued on the unit of work: flushed in order at commit, or not at all. */
class BatchedWritesTest {

    private final JdbcTemplate jdbc = ProjectionDatabase.get().jdbc();
    private final TransactionManager axonTransactions = ProjectionDatabase.get().axonTransactions();

    private BatchedWrites writes;
    private final String key = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS batched_writes_probe (id text PRIMARY KEY, total bigint NOT NULL)");
        writes = new BatchedWrites(jdbc, "probe");
    }

    @Test
    void writesRunInQueuedOrderWhenTheUnitOfWorkCommitsAndNotBefore() {
        List<Long> seenInside = inUnitOfWork(() -> {
            insert(key, 1);
            add(key, 10);
            add(key, 100);
            insert(key, 5);
            add(key, 1000);
            return total(key);
        });
        assertThat(seenInside).as("nothing is written before the commit").isEmpty();
        assertThat(total(key)).containsExactly(1111L);
    }

    @Test
    void aWriteThatChangedNoRowRunsItsCheckAndAFailingCheckRollsTheBatchBack() {
        String missing = UUID.randomUUID().toString();
        assertThatThrownBy(() -> inUnitOfWork(() -> {
            insert(key, 1);
            writes.update("UPDATE batched_writes_probe SET total = total + 1 WHERE id = ?", new Object[] {missing},
                    () -> {
                        throw new IllegalStateException("no row for " + missing);
                    });
            return null;
        })).hasMessageContaining("no row for " + missing);
        assertThat(total(key)).as("rolled back with the failing check").isEmpty();
    }

    @Test
    void outsideAUnitOfWorkAWriteRunsAtOnce() {
        insert(key, 7);
        assertThat(total(key)).containsExactly(7L);
    }

    private void insert(String id, long total) {
        writes.update("INSERT INTO batched_writes_probe (id, total) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                new Object[] {id, total}, null);
    }

    private void add(String id, long amount) {
        writes.update("UPDATE batched_writes_probe SET total = total + ? WHERE id = ?", new Object[] {amount, id},
                () -> {
                    throw new IllegalStateException("no row " + id);
                });
    }

    private List<Long> total(String id) {
        return jdbc.queryForList("SELECT total FROM batched_writes_probe WHERE id = ?", Long.class, id);
    }

    private <T> T inUnitOfWork(java.util.concurrent.Callable<T> work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("probe"));
        unitOfWork.attachTransaction(axonTransactions);
        ResultMessage<T> result = unitOfWork.executeWithResult(work, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw result.exceptionResult() instanceof RuntimeException e ? e
                    : new IllegalStateException(result.exceptionResult());
        }
        return result.getPayload();
    }
}
