package ru.utility.ledger.api.config;

import java.util.List;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.api.ops.ProjectionProcessors;

/**
 * Projection batches commit without waiting for their WAL flush ({@code synchronous_commit = off} for that
 * transaction only). A projection is derived data whose token commits in the same transaction as its rows:
 * a crash can lose at most the last few hundred milliseconds of projection commits, rows and token
 * together, and the processor then applies those events again from the durable event store. It would not
 * notice on its own (its position in memory is past the lost commit): DurablePositionTokenStore fails its
 * next batch, and the segment is claimed again from the stored token. Nothing is inconsistent or lost, and
 * each batch no longer waits for a disk flush. Events, bulk jobs and the feed
 * (whose positions are handed out to consumers) keep durable commits.
 *
 * <p>{@code ledger.projections.async-commit} lists the processing groups (default: balances, statements,
 * overdue); an empty list turns it off. Axon keys transaction managers by processor, so a listed group relaxes
 * its processor's commits: in the shared layout (ProjectionProcessors) one listed group of the four makes the
 * shared processor's batches, all four projections' rows and the token, commit asynchronously. That is as safe
 * for each of them as for the listed one (rows and token commit together, a lost commit is applied again), and
 * one batch has one transaction, so it cannot be partly durable. The shared processor's name may be listed too.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionTransactions {

    @Bean
    public ConfigurerModule projectionAsyncCommit(
            TransactionManager axonTransactionManager, JdbcTemplate jdbc, ProjectionProcessors layout,
            @Value("${ledger.projections.async-commit:balances,statements,overdue}") List<String> groups) {
        TransactionManager relaxed = new AsyncCommitTransactionManager(axonTransactionManager, jdbc);
        List<String> processors = relaxedProcessors(groups, layout);
        return configurer -> processors
                .forEach(processor -> configurer.eventProcessing().registerTransactionManager(processor, c -> relaxed));
    }

    /** The processors whose batches commit asynchronously: those of the listed groups, each once. */
    static List<String> relaxedProcessors(List<String> groups, ProjectionProcessors layout) {
        return groups.stream().map(String::trim).filter(g -> !g.isEmpty()).map(layout::processorOf).distinct()
                .toList();
    }

    /** Starts the delegate's transaction and relaxes its commit durability, for that transaction only. */
    static final class AsyncCommitTransactionManager implements TransactionManager {

        private final TransactionManager delegate;
        private final JdbcTemplate jdbc;

        AsyncCommitTransactionManager(TransactionManager delegate, JdbcTemplate jdbc) {
            this.delegate = delegate;
            this.jdbc = jdbc;
        }

        @Override
        public Transaction startTransaction() {
            Transaction transaction = delegate.startTransaction();
            try {
                jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return transaction;
        }
    }
}
