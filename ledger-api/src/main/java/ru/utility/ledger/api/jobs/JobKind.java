package ru.utility.ledger.api.jobs;

/** What a bulk job's lines become. */
public enum JobKind {
    /** A CSV of charges: each line posts one charge. */
    BILLING_RUN,
    /** A bank's file of payments with a control line: each line records one payment. */
    PAYMENT_REGISTRY
}
