package ru.utility.ledger.api.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import ru.utility.ledger.core.api.account.ChargeReceipt;
import ru.utility.ledger.core.api.account.PaymentReceipt;
import ru.utility.ledger.core.api.account.ReversalReceipt;

/** Business counters; amounts are counted in kopecks so the figures stay exact. Repeats are not counted. */
@Component
public class LedgerMetrics {

    private final MeterRegistry registry;

    public LedgerMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Registered at zero, so that alert rules on it see a series before anything fails.
        workerFailures();
    }

    /** Lines of bulk jobs finished, by outcome; counted after their transaction committed. */
    public void jobLinesFinished(String kind, int done, int failed) {
        jobLines(kind, "done").increment(done);
        jobLines(kind, "failed").increment(failed);
    }

    /** A bulk job worker's chunk failed as a whole (database trouble, a bug) and is retried. */
    public void jobWorkerFailed() {
        workerFailures().increment();
    }

    private Counter jobLines(String kind, String status) {
        return Counter.builder("ledger.jobs.lines").description("Bulk job lines finished, by outcome")
                .tag("kind", kind).tag("status", status).register(registry);
    }

    private Counter workerFailures() {
        return Counter.builder("ledger.jobs.worker.failures")
                .description("Bulk job chunks that failed as a whole and are retried").register(registry);
    }

    public void paymentRecorded(PaymentReceipt receipt) {
        String channel = receipt.channel().name();
        Counter.builder("ledger.payments.recorded").description("Payments recorded")
                .tag("channel", channel).register(registry).increment();
        Counter.builder("ledger.payments.amount").baseUnit("kopecks").description("Amount of payments recorded")
                .tag("channel", channel).register(registry).increment(receipt.amount().kopecks());
    }

    public void paymentReversed(ReversalReceipt receipt) {
        Counter.builder("ledger.payments.reversed").description("Payments reversed").register(registry).increment();
        Counter.builder("ledger.payments.reversed.amount").baseUnit("kopecks").description("Amount of payments reversed")
                .register(registry).increment(receipt.amount().kopecks());
    }

    /** A bulk-job chunk rolled back and redone line by line (each line its own command and transaction). */
    public void jobChunkRedone() {
        Counter.builder("ledger.jobs.chunks.redone").description("Bulk-job chunks rolled back and redone line by line")
                .register(registry).increment();
    }

    public void chargePosted(ChargeReceipt receipt) {
        Counter.builder("ledger.charges.posted").description("Charges posted").register(registry).increment();
        Counter.builder("ledger.charges.amount").baseUnit("kopecks").description("Amount of charges posted")
                .register(registry).increment(receipt.amount().kopecks());
    }
}
