package ru.utility.ledger.core.api;

/**
 * Every code a {@link LedgerRuleViolation} can carry, with the HTTP status it is answered with. The problem
 * answer's {@code code} is the constant's name. docs/reference/api.md lists the same codes with the same statuses
 * ({@code RuleViolationCodeDocsTest} keeps them in step).
 */
public enum RuleViolationCode {

    // 404: what the request names does not exist
    UNKNOWN_ACCOUNT(404),
    UNKNOWN_PAYMENT(404),
    UNKNOWN_CHARGE(404),
    UNKNOWN_PROGRAM(404),
    UNKNOWN_PLAN(404),
    UNKNOWN_DEFERRAL(404),
    UNKNOWN_NOTICE(404),
    UNKNOWN_DISCOUNT_CLAIM(404),
    UNKNOWN_ANCHOR(404),
    CATEGORY_NOT_GRANTED(404),

    // 409: the state of the account, programme or log conflicts with the request
    ACCOUNT_EXISTS(409),
    ACCOUNT_CLOSED(409),
    BALANCE_NOT_ZERO(409),
    IDEMPOTENCY_CONFLICT(409),
    ALREADY_REVERSED(409),
    CATEGORY_ALREADY_GRANTED(409),
    PROGRAM_EXISTS(409),
    PROGRAM_CLOSED(409),
    ALREADY_ENROLLED(409),
    BUDGET_EXHAUSTED(409),
    ENROLMENT_ENDED(409),
    DISCOUNT_CLAIM_DECIDED(409),
    AMNESTY_ALREADY_GRANTED(409),
    DEFERRAL_ACTIVE(409),
    DEFERRAL_ALREADY_ENDED(409),
    PLAN_ACTIVE(409),
    NORM_CONFLICT(409),
    ANCHOR_OUT_OF_ORDER(409),
    PERSONAL_DATA_ERASED(409),

    // 422: well-formed, but against a business rule
    DATE_IN_FUTURE(422),
    BEFORE_OPENING(422),
    PERIOD_IN_FUTURE(422),
    REVERSAL_BEFORE_PAYMENT(422),
    ACCRUAL_BEFORE_LAST(422),
    NO_PENALTY_RULE(422),
    REVOCATION_BEFORE_GRANT(422),
    CLOSE_BEFORE_START(422),
    CORRECTION_BEFORE_CHARGE(422),
    CORRECTION_BELOW_ZERO(422),
    CORRECTION_BELOW_RESTRUCTURED(422),
    DELIVERY_BEFORE_NOTICE(422),
    NOT_ELIGIBLE_REGION(422),
    NOT_ELIGIBLE_CATEGORY(422),
    NOT_ENROLLED(422),
    NO_ENROLMENT_NEEDED(422),
    OUTSIDE_PROGRAMME_WINDOW(422),
    WRONG_PROGRAMME_KIND(422),
    NOT_AN_AMNESTY(422),
    AMNESTY_CONDITION_NOT_MET(422),
    NO_PENALTIES_OUTSTANDING(422),
    NOTHING_TO_DEFER(422),
    DEFERRAL_TOO_LONG(422),
    DEFERRAL_NOT_RUNNING(422),
    INVALID_DEFERRAL_END(422),
    NOTHING_TO_RESTRUCTURE(422),
    INSTALLMENTS_OUT_OF_RANGE(422),
    INVALID_FIRST_DUE_DATE(422),
    DEBT_TOO_SMALL(422);

    private final int httpStatus;

    RuleViolationCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status of the problem answer: 404, 409 or 422. */
    public int httpStatus() {
        return httpStatus;
    }

    public LedgerRuleViolation.Kind kind() {
        return switch (httpStatus) {
            case 404 -> LedgerRuleViolation.Kind.NOT_FOUND;
            case 409 -> LedgerRuleViolation.Kind.CONFLICT;
            default -> LedgerRuleViolation.Kind.UNPROCESSABLE;
        };
    }
}
