package ru.utility.ledger.core.account;

import ru.utility.ledger.core.amnesty.AmnestyCondition;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.AmnestyReceipt;
import ru.utility.ledger.core.api.account.PenaltiesWrittenOff;
import ru.utility.ledger.core.api.account.PenaltyReceipt;
import ru.utility.ledger.core.api.account.ReviewAmnesty;
import ru.utility.ledger.core.api.program.ReliefKind;

import java.util.List;
import java.util.function.Supplier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The Account's ReviewAmnesty rules, kept out of the shared aggregate class: enrolled in the amnesty
 * programme, not yet written off under it, the condition met (AmnestyCondition); then penalties are accrued
 * to the review day and what is accrued and unpaid is written off. Works on the aggregate's live state
 * inside its command handler, so events are applied to the aggregate; the accrual replaces the aggregate's
 * AccountState, but its DebtLedger is the same (linear) instance, so {@code state.debts()} sees the accrual.
 */
final class AmnestyReview {

    private final AccountId id;
    private final AccountState state;

    AmnestyReview(AccountId id, AccountState state) {
        this.id = id;
        this.state = state;
    }

    AmnestyReceipt review(ReviewAmnesty command, Supplier<PenaltyReceipt> accrue, Runnable requireOpen,
                          java.time.LocalDate today) {
        AccountEnrolled enrolment = state.enrolments().enrolment(command.programId())
                .filter(e -> e.kind() == ReliefKind.PENALTY_AMNESTY)
                .orElseThrow(() -> LedgerRuleViolation.of(RuleViolationCode.NOT_ENROLLED, "programId", "account " + id
                        + " is not enrolled in the amnesty programme " + command.programId().value()));
        var done = state.debts().writtenOffBy(command.programId());
        if (done.isPresent()) {
            throw LedgerRuleViolation.of(RuleViolationCode.AMNESTY_ALREADY_GRANTED, "programId", "programme "
                    + command.programId().value() + " already wrote off " + done.get() + " of penalties on account "
                    + id + "; an amnesty is granted once per enrolment");
        }
        requireOpen.run();
        Violations.requireNotAfter(command.asOf(), today, "asOf");
        if (command.asOf().isBefore(enrolment.enrolledOn())) {
            throw LedgerRuleViolation.of(RuleViolationCode.AMNESTY_CONDITION_NOT_MET, "asOf", "asOf " + command.asOf()
                    + " is before the enrolment on " + enrolment.enrolledOn());
        }
        List<BillingPeriod> earnedBy = AmnestyCondition.earnedBy(state.debts(), enrolment.enrolledOn(),
                command.monthsPaidInFull(), command.asOf()).orElseThrow(() -> LedgerRuleViolation.of(
                RuleViolationCode.AMNESTY_CONDITION_NOT_MET, "accountId", "account " + id + " has not paid "
                        + command.monthsPaidInFull() + " consecutive billing months in full by their due dates since "
                        + BillingPeriod.of(enrolment.enrolledOn()) + " (as of " + command.asOf() + ")"));
        PenaltyReceipt accrued = accrue.get();
        Money outstanding = state.debts().penaltiesOutstanding();
        if (!outstanding.isPositive()) {
            throw LedgerRuleViolation.of(RuleViolationCode.NO_PENALTIES_OUTSTANDING, "accountId", "account " + id
                    + " has no accrued, unpaid penalties to write off as of " + command.asOf());
        }
        apply(new PenaltiesWrittenOff(id, command.programId(), outstanding, command.asOf(), earnedBy,
                state.debts().penaltiesAccrued()));
        return new AmnestyReceipt(id, command.programId(), command.asOf(), accrued.posted(), outstanding, earnedBy);
    }
}
