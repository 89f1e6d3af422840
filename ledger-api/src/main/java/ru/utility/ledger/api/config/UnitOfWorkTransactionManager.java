package ru.utility.ledger.api.config;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon's SpringTransactionManager plus one guarantee: a transaction begun for a unit of work ends with it.
 * Axon rolls the transaction back in the unit of work's rollback phase, which an Error thrown while committing
 * (in the prepare-commit or commit phase) skips. The transaction then stayed bound to the thread, and the next
 * unit of work on that thread joined it instead of beginning its own: its commit did nothing, yet its command
 * was acknowledged. The cleanup phase always runs, so it rolls back whatever is still open.
 */
public final class UnitOfWorkTransactionManager implements TransactionManager {

    private static final Logger log = LoggerFactory.getLogger(UnitOfWorkTransactionManager.class);

    private final PlatformTransactionManager transactions;
    private final TransactionDefinition definition = new DefaultTransactionDefinition();

    public UnitOfWorkTransactionManager(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        TransactionStatus status = transactions.getTransaction(definition);
        if (status.isNewTransaction() && CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onCleanup(u -> {
                if (!status.isCompleted()) {
                    log.warn("A unit of work ended neither committed nor rolled back; rolling back its transaction");
                    transactions.rollback(status);
                }
            });
        }
        return new Transaction() {
            @Override
            public void commit() {
                if (status.isNewTransaction() && !status.isCompleted()) {
                    transactions.commit(status);
                }
            }

            @Override
            public void rollback() {
                if (status.isNewTransaction() && !status.isCompleted()) {
                    transactions.rollback(status);
                }
            }
        };
    }
}
