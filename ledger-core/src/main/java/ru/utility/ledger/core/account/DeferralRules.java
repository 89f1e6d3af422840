package ru.utility.ledger.core.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.DeferralEndedEarly;
import ru.utility.ledger.core.api.account.DeferralGranted;
import ru.utility.ledger.core.api.account.DeferralReceipt;
import ru.utility.ledger.core.api.account.DeferredCharge;
import ru.utility.ledger.core.api.account.EndDeferralEarly;
import ru.utility.ledger.core.api.account.GrantDeferral;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.core.api.debt.ChargeDebt;
import ru.utility.ledger.core.debt.DebtLedger;
import ru.utility.ledger.core.api.debt.DeferralEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static ru.utility.ledger.core.account.Violations.requireNotAfter;
import static ru.utility.ledger.core.account.Violations.requireNotBeforeOpening;

/**
 * The account's decisions on deferrals, kept out of Account so the aggregate only delegates. Each method
 * returns either a repeat's receipt or the event to apply; it throws LedgerRuleViolation on a broken rule.
 */
final class DeferralRules {

    private DeferralRules() {
    }

    /** What a command decided: the receipt of a repeat, or an event to record. */
    record Decision<E>(DeferralReceipt repeat, E event) {
    }

    /**
     * Covers every charge unpaid on the grant whose due date in force falls before the deferral's end;
     * charges posted later, or already due after it, keep their dates.
     */
    static Decision<DeferralGranted> grant(AccountId id, AccountState state, GrantDeferral command, LocalDate today) {
        DebtLedger debts = state.debts();
        var known = debts.deferrals().deferral(command.deferralId());
        if (known.isPresent()) {
            DeferralGranted g = known.get().granted();
            if (g.programId().equals(command.programId()) && g.grantedOn().equals(command.grantedOn())
                    && g.endsOn().equals(command.endsOn())) {
                return new Decision<>(known.get().receipt(id, true), null);
            }
            throw Violations.idempotencyConflict("deferralId", command.deferralId(), "deferral");
        }
        requireOpen(id, state);
        LocalDate grantedOn = command.grantedOn();
        requireNotAfter(grantedOn, today, "grantedOn");
        requireNotBeforeOpening(grantedOn, state.openedOn(), "grantedOn");
        if (!command.endsOn().isAfter(grantedOn)) {
            throw LedgerRuleViolation.of(RuleViolationCode.INVALID_DEFERRAL_END, "endsOn", "endsOn " + command.endsOn()
                    + " must be after grantedOn " + grantedOn);
        }
        AccountEnrolled enrolment = state.enrolments().enrolment(command.programId())
                .filter(e -> e.kind() == ReliefKind.DEFERRAL)
                .orElseThrow(() -> LedgerRuleViolation.of(RuleViolationCode.NOT_ENROLLED, "programId", "account " + id
                        + " is not enrolled in a DEFERRAL programme " + command.programId().value()));
        // A closed programme ended the enrolment (EnrolmentEnded): no new relief from that day on.
        if (!state.enrolments().appliesOn(enrolment, grantedOn)) {
            throw LedgerRuleViolation.of(RuleViolationCode.OUTSIDE_PROGRAMME_WINDOW,
                    "grantedOn", "grantedOn " + grantedOn
                    + " is outside the enrolment in " + command.programId().value() + " (" + enrolment.enrolledOn()
                    + " to " + (enrolment.activeTo() == null ? "open end" : enrolment.activeTo())
                    + state.enrolments().ended(command.programId()).map(e -> ", ended on " + e.endedOn()).orElse("")
                    + ")");
        }
        LocalDate longest = grantedOn.plusMonths(command.maxDeferralMonths());
        if (command.endsOn().isAfter(longest)) {
            throw LedgerRuleViolation.of(RuleViolationCode.DEFERRAL_TOO_LONG,
                    "endsOn", "endsOn " + command.endsOn() + " is more than "
                    + command.maxDeferralMonths() + " months after grantedOn " + grantedOn
                    + "; the programme allows a deferral to " + longest + " at most");
        }
        for (DeferralEntry other : debts.deferrals().deferrals()) {
            if (!other.lastDay().isBefore(grantedOn)) {
                throw LedgerRuleViolation.of(RuleViolationCode.DEFERRAL_ACTIVE,
                        "grantedOn", "deferral " + other.granted().deferralId()
                        + " runs from " + other.granted().grantedOn() + " to " + other.lastDay()
                        + "; a new deferral may start only after it ends");
            }
        }
        List<DeferredCharge> covered = new ArrayList<>();
        for (ChargeDebt charge : debts.charges()) {
            Money outstanding = debts.outstanding(charge.chargeId());
            LocalDate due = debts.dueDate(charge);
            if (outstanding.isPositive() && due.isBefore(command.endsOn())) {
                covered.add(new DeferredCharge(charge.chargeId(), due, outstanding));
            }
        }
        if (covered.isEmpty()) {
            throw LedgerRuleViolation.of(RuleViolationCode.NOTHING_TO_DEFER, "accountId", "account " + id
                    + " has no unpaid charge falling due before " + command.endsOn());
        }
        return new Decision<>(null, new DeferralGranted(id, command.deferralId(), command.programId(), grantedOn,
                command.endsOn(), covered));
    }

    static Decision<DeferralEndedEarly> endEarly(AccountId id, AccountState state, EndDeferralEarly command,
                                                 LocalDate today) {
        DeferralEntry deferral = state.debts().deferrals().deferral(command.deferralId())
                .orElseThrow(() -> LedgerRuleViolation.of(RuleViolationCode.UNKNOWN_DEFERRAL,
                        "deferralId", "deferral " + command.deferralId()
                        + " is not granted on account " + id));
        if (deferral.isEndedEarly()) {
            if (Objects.equals(deferral.endReason(), command.reason())) {
                return new Decision<>(deferral.receipt(id, true), null);
            }
            throw LedgerRuleViolation.of(RuleViolationCode.DEFERRAL_ALREADY_ENDED,
                    "deferralId", "deferral " + command.deferralId()
                    + " was already ended on " + deferral.endedOn() + ": " + deferral.endReason());
        }
        requireOpen(id, state);
        LocalDate endedOn = command.endedOn();
        requireNotAfter(endedOn, today, "endedOn");
        if (endedOn.isBefore(deferral.granted().grantedOn())) {
            throw LedgerRuleViolation.of(RuleViolationCode.INVALID_DEFERRAL_END, "endedOn", "endedOn " + endedOn
                    + " is before the deferral was granted on " + deferral.granted().grantedOn());
        }
        if (!endedOn.isBefore(deferral.granted().endsOn())) {
            throw LedgerRuleViolation.of(RuleViolationCode.DEFERRAL_NOT_RUNNING,
                    "endedOn", "deferral " + command.deferralId()
                    + " ends on " + deferral.granted().endsOn() + " by itself; endedOn " + endedOn + " is not before it");
        }
        DeferralEntry ended = deferral.ended(endedOn, command.reason());
        var dueDates = ended.granted().charges().stream()
                .map(c -> new ru.utility.ledger.core.api.account.ChargeDueDate(c.chargeId(), ended.dueDateFor(c)))
                .toList();
        return new Decision<>(null, new DeferralEndedEarly(id, command.deferralId(), endedOn, command.reason(), dueDates));
    }

    static DeferralReceipt receipt(AccountId id, AccountState state, ru.utility.ledger.core.api.DeferralId deferralId) {
        return state.debts().deferrals().deferral(deferralId).orElseThrow().receipt(id, false);
    }

    private static void requireOpen(AccountId id, AccountState state) {
        if (state.isClosed()) {
            throw Violations.accountClosed(id, state.closedOn());
        }
    }
}
