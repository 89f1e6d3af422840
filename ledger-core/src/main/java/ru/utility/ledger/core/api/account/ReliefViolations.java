package ru.utility.ledger.core.api.account;

/** Codes of the rules deferrals and installment plans can break (see LedgerRuleViolation for the others). */
public final class ReliefViolations {

    public static final String NOT_ENROLLED = "NOT_ENROLLED";
    public static final String OUTSIDE_PROGRAMME_WINDOW = "OUTSIDE_PROGRAMME_WINDOW";
    public static final String INVALID_DEFERRAL_END = "INVALID_DEFERRAL_END";
    public static final String DEFERRAL_TOO_LONG = "DEFERRAL_TOO_LONG";
    public static final String DEFERRAL_ACTIVE = "DEFERRAL_ACTIVE";
    public static final String NOTHING_TO_DEFER = "NOTHING_TO_DEFER";
    public static final String UNKNOWN_DEFERRAL = "UNKNOWN_DEFERRAL";
    public static final String DEFERRAL_ALREADY_ENDED = "DEFERRAL_ALREADY_ENDED";
    public static final String DEFERRAL_NOT_RUNNING = "DEFERRAL_NOT_RUNNING";
    public static final String INSTALLMENTS_OUT_OF_RANGE = "INSTALLMENTS_OUT_OF_RANGE";
    public static final String INVALID_FIRST_DUE_DATE = "INVALID_FIRST_DUE_DATE";
    public static final String PLAN_ACTIVE = "PLAN_ACTIVE";
    public static final String NOTHING_TO_RESTRUCTURE = "NOTHING_TO_RESTRUCTURE";
    public static final String DEBT_TOO_SMALL = "DEBT_TOO_SMALL";

    private ReliefViolations() {
    }
}
