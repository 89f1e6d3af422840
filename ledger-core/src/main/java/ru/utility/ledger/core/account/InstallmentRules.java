package ru.utility.ledger.core.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.AgreeInstallmentPlan;
import ru.utility.ledger.core.api.account.ChargeDueDate;
import ru.utility.ledger.core.api.account.InstallmentMissed;
import ru.utility.ledger.core.api.account.InstallmentPlanAgreed;
import ru.utility.ledger.core.api.account.InstallmentPlanCompleted;
import ru.utility.ledger.core.api.account.InstallmentPlanDefaulted;
import ru.utility.ledger.core.api.account.InstallmentPlanReceipt;
import ru.utility.ledger.core.api.account.RestructuredCharge;
import ru.utility.ledger.core.api.account.ScheduledInstallment;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.core.api.debt.AllocationEntry;
import ru.utility.ledger.core.api.debt.ChargeDebt;
import ru.utility.ledger.core.debt.DebtLedger;
import ru.utility.ledger.core.api.debt.PlanEntry;
import ru.utility.ledger.core.rules.InstallmentSchedule;
import ru.utility.ledger.core.rules.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static ru.utility.ledger.core.account.Violations.requireNotAfter;
import static ru.utility.ledger.core.account.Violations.requireNotBeforeOpening;

/**
 * The account's decisions on installment plans, kept out of Account so the aggregate only delegates.
 * Penalties are not restructured: what accrued stays a penalty debt, paid after principal as always.
 */
final class InstallmentRules {

    private InstallmentRules() {
    }

    /** The receipt of a repeat, or the event to record. */
    record Decision(InstallmentPlanReceipt repeat, InstallmentPlanAgreed event) {
    }

    /** A plan agreed before due dates moved off non-working days kept the nominal date: a repeat of it matches too. */
    private static boolean sameFirstDueDate(LocalDate recorded, LocalDate asked, WorkingDayCalendar calendar) {
        return recorded.equals(asked) || recorded.equals(calendar.onOrNextWorkingDay(asked));
    }

    /**
     * Restructures the outstanding principal of every unpaid charge. Installment due dates on a non-working day
     * move to the next working day (Civil Code art. 193), as a charge's do.
     */
    static Decision agree(AccountId id, AccountState state, AgreeInstallmentPlan command, LocalDate today,
                          WorkingDayCalendar calendar) {
        DebtLedger debts = state.debts();
        LocalDate firstDue = command.firstDueDate() != null ? command.firstDueDate() : command.agreedOn().plusMonths(1);
        var known = debts.installments().plan(command.planId());
        if (known.isPresent()) {
            InstallmentPlanAgreed a = known.get().agreed();
            if (a.programId().equals(command.programId()) && a.agreedOn().equals(command.agreedOn())
                    && a.schedule().size() == command.installments() && sameFirstDueDate(a.schedule().getFirst().dueDate(), firstDue, calendar)) {
                return new Decision(new InstallmentPlanReceipt(id, a, true), null);
            }
            throw Violations.idempotencyConflict("planId", command.planId(), "installment plan");
        }
        if (state.isClosed()) {
            throw Violations.accountClosed(id, state.closedOn());
        }
        LocalDate agreedOn = command.agreedOn();
        requireNotAfter(agreedOn, today, "agreedOn");
        requireNotBeforeOpening(agreedOn, state.openedOn(), "agreedOn");
        AccountEnrolled enrolment = state.enrolments().enrolment(command.programId())
                .filter(e -> e.kind() == ReliefKind.INSTALLMENT)
                .orElseThrow(() -> LedgerRuleViolation.of(RuleViolationCode.NOT_ENROLLED, "programId", "account " + id
                        + " is not enrolled in an INSTALLMENT programme " + command.programId().value()));
        // A closed programme ended the enrolment (EnrolmentEnded): no new relief from that day on.
        if (!state.enrolments().appliesOn(enrolment, agreedOn)) {
            throw LedgerRuleViolation.of(RuleViolationCode.OUTSIDE_PROGRAMME_WINDOW, "agreedOn", "agreedOn " + agreedOn
                    + " is outside the enrolment in " + command.programId().value() + " (" + enrolment.enrolledOn()
                    + " to " + (enrolment.activeTo() == null ? "open end" : enrolment.activeTo())
                    + state.enrolments().ended(command.programId()).map(e -> ", ended on " + e.endedOn()).orElse("")
                    + ")");
        }
        if (command.installments() < command.minInstallments() || command.installments() > command.maxInstallments()) {
            throw LedgerRuleViolation.of(RuleViolationCode.INSTALLMENTS_OUT_OF_RANGE,
                    "installments", command.installments()
                    + " installments is outside the programme's range " + command.minInstallments() + " to "
                    + command.maxInstallments());
        }
        if (!firstDue.isAfter(agreedOn)) {
            throw LedgerRuleViolation.of(RuleViolationCode.INVALID_FIRST_DUE_DATE,
                    "firstDueDate", "firstDueDate " + firstDue
                    + " must be after agreedOn " + agreedOn);
        }
        for (PlanEntry plan : debts.installments().plans()) {
            if (plan.status() == PlanEntry.Status.ACTIVE) {
                throw LedgerRuleViolation.of(RuleViolationCode.PLAN_ACTIVE,
                        "planId", "installment plan " + plan.agreed().planId()
                        + " agreed on " + plan.agreed().agreedOn() + " is still being kept");
            }
        }
        List<RestructuredCharge> charges = new ArrayList<>();
        long total = 0;
        for (ChargeDebt charge : debts.charges()) {
            Money outstanding = debts.outstanding(charge.chargeId());
            if (outstanding.isPositive()) {
                charges.add(new RestructuredCharge(charge.chargeId(), outstanding));
                total = Math.addExact(total, outstanding.kopecks());
            }
        }
        if (charges.isEmpty()) {
            throw LedgerRuleViolation.of(RuleViolationCode.NOTHING_TO_RESTRUCTURE,
                    "accountId", "account " + id + " has no unpaid charge");
        }
        if (total < command.installments()) {
            throw LedgerRuleViolation.of(RuleViolationCode.DEBT_TOO_SMALL,
                    "installments", "the debt of " + Money.ofKopecks(total)
                    + " cannot be split into " + command.installments() + " installments of at least 0.01");
        }
        List<ScheduledInstallment> schedule = InstallmentSchedule.split(command.planId(), Money.ofKopecks(total),
                command.installments(), firstDue, calendar);
        for (ScheduledInstallment installment : schedule) {
            if (state.charge(installment.installmentId()).isPresent()) {
                throw Violations.idempotencyConflict("planId", command.planId(),
                        "installment id " + installment.installmentId() + " is a charge id; installment plan");
            }
        }
        return new Decision(null, new InstallmentPlanAgreed(id, command.planId(), command.programId(), agreedOn,
                command.missesBeforeDefault(), charges, schedule));
    }

    /**
     * The misses by {@code asOf} not yet recorded, in due-date order, and the default of a plan that reaches
     * its number of misses (the day after the deciding miss's due date: the review's own date does not
     * matter, so reviews may run late or twice and decide the same).
     */
    static List<AccountEvent> review(AccountId id, AccountState state, LocalDate asOf) {
        DebtLedger debts = state.debts();
        List<AccountEvent> events = new ArrayList<>();
        for (PlanEntry plan : debts.installments().plans()) {
            if (plan.status() != PlanEntry.Status.ACTIVE) {
                continue;
            }
            int misses = plan.missed().size();
            for (ScheduledInstallment installment : plan.agreed().schedule()) {
                if (!installment.dueDate().isBefore(asOf) || plan.isMissed(installment.number())) {
                    continue;
                }
                Money unpaid = installment.amount().minus(debts.paidBy(installment.installmentId(), installment.dueDate()));
                if (!unpaid.isPositive()) {
                    continue;
                }
                misses++;
                events.add(new InstallmentMissed(id, plan.agreed().planId(), installment.number(),
                        installment.dueDate(), unpaid, misses));
                if (misses >= plan.agreed().missesBeforeDefault()) {
                    LocalDate defaultedOn = installment.dueDate().plusDays(1);
                    List<ChargeDueDate> dueDates = plan.agreed().schedule().stream()
                            .filter(i -> i.dueDate().isAfter(defaultedOn))
                            .map(i -> new ChargeDueDate(i.installmentId(), defaultedOn))
                            .toList();
                    events.add(new InstallmentPlanDefaulted(id, plan.agreed().planId(), defaultedOn, misses, dueDates));
                    break;
                }
            }
        }
        return events;
    }

    /** Plans still being kept whose installments are all paid, completed on the last payment's value date. */
    static List<InstallmentPlanCompleted> completions(AccountId id, AccountState state) {
        DebtLedger debts = state.debts();
        List<InstallmentPlanCompleted> events = new ArrayList<>();
        for (PlanEntry plan : debts.installments().plans()) {
            if (plan.status() != PlanEntry.Status.ACTIVE) {
                continue;
            }
            boolean paid = plan.agreed().schedule().stream()
                    .allMatch(i -> debts.outstanding(i.installmentId()).isZero());
            if (paid) {
                LocalDate last = plan.agreed().schedule().stream()
                        .flatMap(i -> debts.allocationsTo(i.installmentId()).stream())
                        .map(AllocationEntry::paidOn).max(LocalDate::compareTo).orElse(plan.agreed().agreedOn());
                events.add(new InstallmentPlanCompleted(id, plan.agreed().planId(), last));
            }
        }
        return events;
    }

    static boolean isInstallment(AccountState state, ChargeId chargeId) {
        return state.debts().installments().planOf(chargeId).isPresent();
    }

    static InstallmentPlanReceipt receipt(AccountId id, AccountState state, ru.utility.ledger.core.api.PlanId planId) {
        return new InstallmentPlanReceipt(id, state.debts().installments().plan(planId).orElseThrow().agreed(), false);
    }

}
