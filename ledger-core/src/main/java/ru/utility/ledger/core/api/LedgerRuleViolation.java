package ru.utility.ledger.core.api;

import java.util.Objects;

/**
 * A command that is well-formed but breaks a ledger rule. It carries a {@link RuleViolationCode} (which names
 * the HTTP status it is answered with) and the offending field, so the HTTP layer answers without parsing text.
 */
public final class LedgerRuleViolation extends RuntimeException {

    public enum Kind { CONFLICT, NOT_FOUND, UNPROCESSABLE }

    private final RuleViolationCode code;
    private final String field;
    private final String reason;

    public LedgerRuleViolation(RuleViolationCode code, String field, String reason) {
        super(reason);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public static LedgerRuleViolation of(RuleViolationCode code, String field, String reason) {
        return new LedgerRuleViolation(code, field, reason);
    }

    public Kind kind() {
        return code.kind();
    }

    /** The code as problem answers and receipts spell it. */
    public String code() {
        return code.name();
    }

    public RuleViolationCode violationCode() {
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
