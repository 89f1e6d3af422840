package ru.utility.ledger.api.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.utility.ledger.api.ops.LedgerMetrics;
import ru.utility.ledger.api.command.CommandMetadata;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.AccountCommand;
import ru.utility.ledger.core.api.account.ChargeReceipt;
import ru.utility.ledger.core.api.account.PaymentReceipt;

/**
 * Turns a chunk of pending lines into decisions of their accounts. The whole chunk runs inside one unit of
 * work and one database transaction: the events of a few hundred accounts (appended at commit in one
 * multi-row insert, each account's hash chain sealed on the way) and the lines' new status commit
 * together, and the accounts stay locked until then.
 *
 * <p>The bulk path (the default) lets each account decide its line directly ({@link AccountDecisions}):
 * no command bus, no nested unit of work, no transaction per line. A line the account refuses (it then
 * recorded nothing) or whose account does not exist is marked FAILED in the same transaction and the chunk
 * goes on. With {@code ledger.jobs.bulk-decisions=false} each line is instead a command sent through the
 * command bus as a nested unit of work (the per-command path), where any refusal marks the shared
 * transaction rollback-only.
 *
 * <p>Anything else that fails a chunk (a refusal on the per-command path, a handler that failed after
 * recording events, a write conflict with another node) rolls the chunk back, evicting its accounts from
 * the aggregate cache, and the chunk is redone line by line through the command bus, each line in its own
 * transaction, where a failing line is recorded as FAILED without touching its neighbours.
 */
@Component
class JobChunks {

    private static final Logger log = LoggerFactory.getLogger(JobChunks.class);

    static final String DUPLICATE = "DUPLICATE";
    static final String UNKNOWN_ACCOUNT = RuleViolationCode.UNKNOWN_ACCOUNT.name();

    private final CommandGateway commands;
    private final AccountDecisions decisions;
    private final List<CorrelationDataProvider> correlationData;
    private final TransactionManager axonTransactions;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final Cache accountCache;
    private final LedgerMetrics metrics;
    private final JobsProperties properties;

    JobChunks(CommandGateway commands, AccountDecisions decisions, List<CorrelationDataProvider> correlationData,
              TransactionManager axonTransactions, TransactionTemplate transactions,
              JdbcTemplate jdbc, Cache accountCache, LedgerMetrics metrics, JobsProperties properties) {
        this.commands = commands;
        this.decisions = decisions;
        this.correlationData = List.copyOf(correlationData);
        this.axonTransactions = axonTransactions;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.accountCache = accountCache;
        this.metrics = metrics;
        for (JobKind kind : JobKind.values()) {
            // Registered at zero, so that alert rules on them see a series before the first job runs.
            metrics.jobLinesFinished(kind.name(), 0, 0);
        }
        this.properties = properties;
    }

    /** A pending line of a chunk, parsed once by the job's kind when the chunk is read. */
    record PendingLine(int lineNo, JobLine parsed) {
    }

    /** @param registry the layout a payment registry was uploaded in (null for a billing run) */
    record Job(UUID id, JobKind kind, String owner, String createdBy, String requestId,
               PaymentRegistryFormat registry) {

        PendingLine pending(int lineNo, String raw) {
            return new PendingLine(lineNo, kind.parse(lineNo, raw, registry));
        }

        MetaData metaData() {
            return MetaData.from(Map.of(CommandMetadata.ACTOR, createdBy,
                    CommandMetadata.CORRELATION_ID, "job:" + id,
                    CommandMetadata.REQUEST_ID, requestId == null ? "job:" + id : requestId));
        }
    }

    /** Thrown when the job's lease was taken over by another node: this node stops working on it. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(UUID job) {
            super("the lease on job " + job + " is held by another node");
        }
    }

    void process(Job job, List<PendingLine> lines) {
        List<Object> receipts;
        try {
            receipts = inUnitOfWork(job, () -> {
                List<Object> sent = new ArrayList<>(lines.size());
                List<Object[]> marks = new ArrayList<>(lines.size());
                int done = 0;
                int failed = 0;
                for (PendingLine line : lines) {
                    Object receipt;
                    if (properties.bulkDecisions()) {
                        Outcome outcome = decide(command(line));
                        if (outcome.code() != null) {
                            marks.add(markArgs(job, line, "FAILED", outcome.code(), outcome.reason()));
                            failed++;
                            continue;
                        }
                        receipt = outcome.receipt();
                    } else {
                        receipt = send(job, command(line));
                    }
                    if (isDuplicate(receipt)) {
                        marks.add(markArgs(job, line, "FAILED", DUPLICATE,
                                "already recorded with the same content; nothing new"));
                        failed++;
                    } else {
                        marks.add(markArgs(job, line, "DONE", null, null));
                        sent.add(receipt);
                        done++;
                    }
                }
                markAll(job, marks);
                count(job, done, failed);
                return sent;
            });
        } catch (LeaseLost e) {
            evict(lines);
            throw e;
        } catch (RuntimeException e) {
            evict(lines);
            log.info("job {}: chunk from line {} rolled back ({}); redoing it line by line", job.id(),
                    lines.getFirst().lineNo(), e.toString());
            metrics.jobChunkRedone();
            lineByLine(job, lines);
            return;
        }
        receipts.forEach(this::recordMetric);
    }

    private void lineByLine(Job job, List<PendingLine> lines) {
        for (PendingLine line : lines) {
            AccountCommand command = command(line);
            try {
                Object receipt = inUnitOfWork(job, () -> {
                    Object sent = send(job, command);
                    boolean duplicate = isDuplicate(sent);
                    mark(job, line, duplicate ? "FAILED" : "DONE", duplicate ? DUPLICATE : null,
                            duplicate ? "already recorded with the same content; nothing new" : null);
                    count(job, duplicate ? 0 : 1, duplicate ? 1 : 0);
                    return duplicate ? null : sent;
                });
                if (receipt != null) {
                    recordMetric(receipt);
                }
            } catch (LedgerRuleViolation e) {
                evict(List.of(line));
                failLine(job, line, e.code(), e.reason());
            } catch (AggregateNotFoundException e) {
                evict(List.of(line));
                failLine(job, line, UNKNOWN_ACCOUNT, "no account " + e.getAggregateIdentifier());
            } catch (IllegalArgumentException e) {
                evict(List.of(line));
                failLine(job, line, LineFields.INVALID_LINE, String.valueOf(e.getMessage()));
            }
        }
    }

    /** A line's outcome on the bulk path: the receipt, or the code and reason of the account's refusal. */
    private record Outcome(Object receipt, String code, String reason) {
    }

    /**
     * Lets the account decide in the chunk's unit of work. A refusal or an unknown account changed nothing,
     * so it is reported as the line's outcome; every other failure propagates and rolls the chunk back.
     */
    private Outcome decide(AccountCommand command) throws Exception {
        try {
            return new Outcome(decisions.decide(command), null, null);
        } catch (LedgerRuleViolation e) {
            return new Outcome(null, e.code(), e.reason());
        } catch (AggregateNotFoundException e) {
            return new Outcome(null, UNKNOWN_ACCOUNT, "no account " + e.getAggregateIdentifier());
        }
    }

    private void failLine(Job job, PendingLine line, String code, String reason) {
        transactions.executeWithoutResult(status -> {
            mark(job, line, "FAILED", code, reason);
            count(job, 0, 1);
        });
    }

    private Object send(Job job, AccountCommand command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(job.metaData()));
    }

    private static AccountCommand command(PendingLine line) {
        JobLine parsed = line.parsed();
        if (!parsed.good()) {
            // Lines are parsed at upload and only good ones are PENDING; a parser change must not skip one.
            throw new IllegalArgumentException("line " + line.lineNo() + " no longer parses: " + parsed.errorReason());
        }
        return parsed.command();
    }

    private static boolean isDuplicate(Object receipt) {
        return switch (receipt) {
            case ChargeReceipt charge -> charge.duplicate();
            case PaymentReceipt payment -> payment.duplicate();
            default -> throw new IllegalStateException("unexpected receipt " + receipt);
        };
    }

    private void recordMetric(Object receipt) {
        switch (receipt) {
            case ChargeReceipt charge -> metrics.chargePosted(charge);
            case PaymentReceipt payment -> metrics.paymentRecorded(payment);
            default -> throw new IllegalStateException("unexpected receipt " + receipt);
        }
    }

    private static final String MARK = """
            UPDATE bulk_job_line SET status = ?, error_code = ?, error_reason = ?
             WHERE job_id = ? AND line_no = ? AND status = 'PENDING'
            """;

    private void mark(Job job, PendingLine line, String status, String code, String reason) {
        markAll(job, java.util.Collections.singletonList(markArgs(job, line, status, code, reason)));
    }

    private static Object[] markArgs(Job job, PendingLine line, String status, String code, String reason) {
        return new Object[] {status, code,
                reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason,
                job.id(), line.lineNo()};
    }

    /** The lines' new status in one JDBC batch; a line no longer PENDING means another node took the job. */
    private void markAll(Job job, List<Object[]> marks) {
        int[] updated = marks.size() == 1 ? new int[] {jdbc.update(MARK, marks.getFirst())}
                : jdbc.batchUpdate(MARK, marks);
        for (int count : updated) {
            if (count != 1) {
                throw new LeaseLost(job.id());
            }
        }
    }

    private void count(Job job, int done, int failed) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    metrics.jobLinesFinished(job.kind().name(), done, failed);
                }
            });
        } else {
            metrics.jobLinesFinished(job.kind().name(), done, failed);
        }
        int updated = jdbc.update("""
                UPDATE bulk_job SET lines_done = lines_done + ?, lines_failed = lines_failed + ?,
                       updated_at = clock_timestamp(), lease_until = clock_timestamp() + make_interval(secs => ?)
                 WHERE id = ? AND owner = ?
                """, done, failed, properties.lease().toMillis() / 1000.0, job.id(), job.owner());
        if (updated != 1) {
            throw new LeaseLost(job.id());
        }
    }

    private void evict(List<PendingLine> lines) {
        for (PendingLine line : lines) {
            JobLine parsed = line.parsed();
            if (parsed.good()) {
                accountCache.remove(parsed.command().accountId().value());
            }
        }
    }

    /**
     * Runs the work in a root unit of work bound to one Spring transaction; commands sent inside become
     * nested units of work, so their events, their aggregate locks and the JDBC writes end together.
     */
    private <T> T inUnitOfWork(Job job, Callable<T> work) {
        // The job's actor, correlation and request reach the events decided directly in this unit of work
        // the way a command's metadata reaches its events: through the correlation data providers.
        // A command message, as Axon's repository expects of the unit of work it loads aggregates in.
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
                new GenericCommandMessage<>(new GenericMessage<>("bulk job " + job.id(), job.metaData()),
                        "bulk-job-chunk"));
        correlationData.forEach(unitOfWork::registerCorrelationDataProvider);
        unitOfWork.attachTransaction(axonTransactions);
        ResultMessage<T> result = unitOfWork.executeWithResult(work, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
