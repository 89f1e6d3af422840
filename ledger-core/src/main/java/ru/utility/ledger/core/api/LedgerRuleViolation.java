package ru.utility.ledger.core.api;

import java.util.Objects;

/**
 * A command that is well-formed but breaks a ledger rule. It carries a stable code and the offending
 * field so the HTTP layer can map it (CONFLICT 409, NOT_FOUND 404, UNPROCESSABLE 422) without parsing text.
 */
public final class LedgerRuleViolation extends RuntimeException {

    public enum Kind { CONFLICT, NOT_FOUND, UNPROCESSABLE }

    public static final String ACCOUNT_EXISTS = "ACCOUNT_EXISTS";
    public static final String ACCOUNT_CLOSED = "ACCOUNT_CLOSED";
    public static final String BALANCE_NOT_ZERO = "BALANCE_NOT_ZERO";
    public static final String IDEMPOTENCY_CONFLICT = "IDEMPOTENCY_CONFLICT";
    public static final String UNKNOWN_PAYMENT = "UNKNOWN_PAYMENT";
    public static final String ALREADY_REVERSED = "ALREADY_REVERSED";
    public static final String DATE_IN_FUTURE = "DATE_IN_FUTURE";
    public static final String BEFORE_OPENING = "BEFORE_OPENING";
    public static final String PERIOD_IN_FUTURE = "PERIOD_IN_FUTURE";
    public static final String REVERSAL_BEFORE_PAYMENT = "REVERSAL_BEFORE_PAYMENT";
    public static final String UNKNOWN_CHARGE = "UNKNOWN_CHARGE";
    public static final String ACCRUAL_BEFORE_LAST = "ACCRUAL_BEFORE_LAST";
    public static final String NO_PENALTY_RULE = "NO_PENALTY_RULE";
    public static final String CATEGORY_ALREADY_GRANTED = "CATEGORY_ALREADY_GRANTED";
    public static final String CATEGORY_NOT_GRANTED = "CATEGORY_NOT_GRANTED";
    public static final String REVOCATION_BEFORE_GRANT = "REVOCATION_BEFORE_GRANT";
    public static final String NOT_ELIGIBLE_REGION = "NOT_ELIGIBLE_REGION";
    public static final String NOT_ELIGIBLE_CATEGORY = "NOT_ELIGIBLE_CATEGORY";
    public static final String ALREADY_ENROLLED = "ALREADY_ENROLLED";
    public static final String PERSONAL_DATA_ERASED = "PERSONAL_DATA_ERASED";

    private final Kind kind;
    private final String code;
    private final String field;
    private final String reason;

    public LedgerRuleViolation(Kind kind, String code, String field, String reason) {
        super(reason);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public static LedgerRuleViolation conflict(String code, String field, String reason) {
        return new LedgerRuleViolation(Kind.CONFLICT, code, field, reason);
    }

    public static LedgerRuleViolation notFound(String code, String field, String reason) {
        return new LedgerRuleViolation(Kind.NOT_FOUND, code, field, reason);
    }

    public static LedgerRuleViolation unprocessable(String code, String field, String reason) {
        return new LedgerRuleViolation(Kind.UNPROCESSABLE, code, field, reason);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The command field at fault, or null when the rule concerns the account as a whole. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
