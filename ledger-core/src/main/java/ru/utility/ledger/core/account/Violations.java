package ru.utility.ledger.core.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.RuleViolationCode;

import java.time.LocalDate;

/** The violations several commands share, worded the same way everywhere. */
final class Violations {

    private Violations() {
    }

    static LedgerRuleViolation accountClosed(AccountId id, LocalDate closedOn) {
        return LedgerRuleViolation.of(RuleViolationCode.ACCOUNT_CLOSED,
                null, "account " + id + " was closed on " + closedOn);
    }

    static void requireNotAfter(LocalDate date, LocalDate today, String field) {
        if (date.isAfter(today)) {
            throw LedgerRuleViolation.of(RuleViolationCode.DATE_IN_FUTURE, field,
                    field + " " + date + " is after today (" + today + ")");
        }
    }

    static void requireNotBeforeOpening(LocalDate date, LocalDate openedOn, String field) {
        if (date.isBefore(openedOn)) {
            throw LedgerRuleViolation.of(RuleViolationCode.BEFORE_OPENING, field,
                    field + " " + date + " is before the account was opened on " + openedOn);
        }
    }

    static LedgerRuleViolation idempotencyConflict(String field, Object id, String what) {
        return LedgerRuleViolation.of(RuleViolationCode.IDEMPOTENCY_CONFLICT, field,
                what + " " + id + " was already recorded with different content");
    }
}
