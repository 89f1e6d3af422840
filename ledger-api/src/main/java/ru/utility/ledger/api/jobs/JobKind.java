package ru.utility.ledger.api.jobs;

/** What a bulk job's lines become; each kind reads its own lines. */
public enum JobKind {
    /** A CSV of charges: each line posts one charge. */
    BILLING_RUN {
        @Override
        JobLine parse(int lineNo, String raw, PaymentRegistryFormat registry) {
            return BillingRunFormat.parse(lineNo, raw);
        }
    },
    /** A bank's file of payments with a control line: each line records one payment. */
    PAYMENT_REGISTRY {
        @Override
        JobLine parse(int lineNo, String raw, PaymentRegistryFormat registry) {
            return registry.parse(lineNo, raw);
        }
    };

    /**
     * One data line as this kind reads it: at upload (to report bad lines) and once more when a worker takes
     * the line into a chunk, which then holds it parsed.
     *
     * @param registry the layout the registry was uploaded in (ignored for a billing run)
     */
    abstract JobLine parse(int lineNo, String raw, PaymentRegistryFormat registry);
}
