package ru.utility.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

class UnitOfWorkTransactionManagerTest {

    /** Records what Axon asks of Spring's transaction manager. */
    static final class RecordingTransactions implements PlatformTransactionManager {
        final List<String> calls = new ArrayList<>();

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            calls.add("begin");
            return new SimpleTransactionStatus(true);
        }

        @Override
        public void commit(TransactionStatus status) {
            calls.add("commit");
            ((SimpleTransactionStatus) status).setCompleted();
        }

        @Override
        public void rollback(TransactionStatus status) {
            calls.add("rollback");
            ((SimpleTransactionStatus) status).setCompleted();
        }
    }

    @Test
    void aCommittedOrRolledBackUnitOfWorkEndsItsTransactionOnce() {
        RecordingTransactions spring = new RecordingTransactions();
        UnitOfWorkTransactionManager transactions = new UnitOfWorkTransactionManager(spring);

        DefaultUnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command"));
        committed.attachTransaction(transactions);
        committed.commit();
        assertThat(spring.calls).containsExactly("begin", "commit");

        spring.calls.clear();
        DefaultUnitOfWork<?> refused = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command"));
        refused.attachTransaction(transactions);
        refused.rollback(new IllegalStateException("refused"));
        assertThat(spring.calls).containsExactly("begin", "rollback");
    }

    /** Axon's rollback phase does not run for an Error; without the cleanup the transaction stayed open. */
    @Test
    void anErrorThrownWhileCommittingStillRollsTheTransactionBack() {
        RecordingTransactions spring = new RecordingTransactions();
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command"));
        command.attachTransaction(new UnitOfWorkTransactionManager(spring));
        command.onPrepareCommit(u -> {
            throw new AssertionError("thrown by the driver while appending");
        });
        assertThatThrownBy(command::commit).isInstanceOf(AssertionError.class);
        assertThat(spring.calls).containsExactly("begin", "rollback");
    }

    @Test
    void aTransactionOutsideAUnitOfWorkIsLeftToItsCaller() {
        RecordingTransactions spring = new RecordingTransactions();
        new UnitOfWorkTransactionManager(spring).executeInTransaction(() -> { });
        assertThat(spring.calls).containsExactly("begin", "commit");
    }
}
