package ru.utility.ledger.projections.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.projections.support.ProjectionDatabase;

/** The shared guard as a processor batch uses it: a whole batch answered at once, committed or rolled back with it. */
class ProjectionGuardTest {

    private final JdbcTemplate jdbc = ProjectionDatabase.get().jdbc();
    private final String projection = "probe-" + UUID.randomUUID();
    private final ProjectionGuard guard = new ProjectionGuard(jdbc, projection);

    @Test
    void aBatchLearnsWhichOfItsEventsAreNewAndARepeatedBatchFindsNone() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        assertThat(guard.firstDelivery(a, 0)).isTrue();

        List<Boolean> first = inBatch(List.of(event(a, 0), event(a, 1), event(b, 0), event(a, 2)));
        assertThat(first).containsExactly(false, true, true, true);
        assertThat(inBatch(List.of(event(a, 1), event(a, 2), event(b, 0)))).containsExactly(false, false, false);
        assertThat(inBatch(List.of(event(a, 2), event(a, 3)))).containsExactly(false, true);
        assertThat(guard.firstDelivery(a, 1)).as("an older event arriving late").isFalse();
    }

    @Test
    void aBatchThatRollsBackLeavesItsEventsNew() {
        String a = UUID.randomUUID().toString();
        assertThatThrownBy(() -> inBatch(List.of(event(a, 0), event(a, 1)), true)).hasMessageContaining("boom");
        assertThat(inBatch(List.of(event(a, 0), event(a, 1)))).containsExactly(true, true);
    }

    @Test
    void theResetForgetsOnlyItsOwnProjection() {
        String a = UUID.randomUUID().toString();
        ProjectionGuard other = new ProjectionGuard(jdbc, projection + "-other");
        assertThat(guard.firstDelivery(a, 0)).isTrue();
        assertThat(other.firstDelivery(a, 0)).isTrue();
        guard.reset();
        assertThat(guard.firstDelivery(a, 0)).isTrue();
        assertThat(other.firstDelivery(a, 0)).isFalse();
    }

    /** A second delivery while the first batch's transaction is still open waits for it, then finds nothing new. */
    @Test
    void twoTransactionsDeliveringTheSameEventsCannotBothFindThemNew() throws Exception {
        String a = UUID.randomUUID().toString();
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<Boolean>> first = threads.submit(() -> inBatch(List.of(event(a, 0), event(a, 1)), () -> {
                asked.countDown();
                await(release);
            }));
            assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<List<Boolean>> second = threads.submit(() -> inBatch(List.of(event(a, 0), event(a, 1)), () -> { }));
            Thread.sleep(300);
            assertThat(second.isDone()).as("the second delivery waits for the first transaction").isFalse();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(true, true);
            assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly(false, false);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Boolean> inBatch(List<DomainEventMessage<?>> events) {
        return inBatch(events, false, () -> { });
    }

    private List<Boolean> inBatch(List<DomainEventMessage<?>> events, Runnable afterLast) {
        return inBatch(events, false, afterLast);
    }

    private List<Boolean> inBatch(List<DomainEventMessage<?>> events, boolean fail) {
        return inBatch(events, fail, () -> { });
    }

    private List<Boolean> inBatch(List<DomainEventMessage<?>> events, boolean fail, Runnable afterLast) {
        BatchingUnitOfWork<DomainEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.attachTransaction(ProjectionDatabase.get().axonTransactions());
        List<Boolean> answers = new ArrayList<>();
        var result = unitOfWork.executeWithResult(() -> {
            DomainEventMessage<?> event = unitOfWork.getMessage();
            answers.add(guard.firstDelivery(event.getAggregateIdentifier(), event.getSequenceNumber()));
            if (unitOfWork.isLastMessage()) {
                if (fail) {
                    throw new IllegalStateException("boom");
                }
                afterLast.run();
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw (RuntimeException) result.exceptionResult();
        }
        return answers;
    }

    private static DomainEventMessage<?> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Probe", aggregateId, sequence, "payload");
    }
}
