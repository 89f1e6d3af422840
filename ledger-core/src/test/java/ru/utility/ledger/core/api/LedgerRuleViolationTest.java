package ru.utility.ledger.core.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerRuleViolationTest {

    @Test
    void carriesKindCodeFieldAndReason() {
        LedgerRuleViolation violation = new LedgerRuleViolation(RuleViolationCode.ACCOUNT_CLOSED,
                null, "account ACC-1 was closed");

        assertThat(violation.kind()).isEqualTo(LedgerRuleViolation.Kind.CONFLICT);
        assertThat(violation.code()).isEqualTo("ACCOUNT_CLOSED");
        assertThat(violation.field()).isNull();
        assertThat(violation.reason()).isEqualTo("account ACC-1 was closed");
        assertThat(violation).hasMessage("account ACC-1 was closed");
    }

    @Test
    void factoriesSetTheKind() {
        assertThat(LedgerRuleViolation.of(RuleViolationCode.UNKNOWN_PAYMENT, "paymentId", "r").kind())
                .isEqualTo(LedgerRuleViolation.Kind.NOT_FOUND);
        assertThat(LedgerRuleViolation.of(RuleViolationCode.DATE_IN_FUTURE, "openedOn", "r").field())
                .isEqualTo("openedOn");
    }
}
