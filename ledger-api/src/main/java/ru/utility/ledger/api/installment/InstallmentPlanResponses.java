package ru.utility.ledger.api.installment;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import ru.utility.ledger.api.command.AccountRuns;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PlanId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.ReviewReceipt;
import ru.utility.ledger.core.api.debt.AccountDebts;
import ru.utility.ledger.core.api.debt.PlanEntry;

/** Response bodies of the installment plan endpoints ({@link InstallmentPlanController}). */
public final class InstallmentPlanResponses {

    private InstallmentPlanResponses() {
    }

    public record PlanResponse(AccountId accountId, PlanId planId, ProgramId programId, LocalDate agreedOn,
                               @Schema(description = "ACTIVE, DEFAULTED or COMPLETED") String status,
                               int missesBeforeDefault, int misses, LocalDate defaultedOn, LocalDate completedOn,
                               Money total, Money paid, Money outstanding, List<Charge> charges,
                               List<Installment> schedule) {

        @Schema(name = "RestructuredCharge")
        public record Charge(String chargeId, Money restructured) {
        }

        /**
         * @param dueDate          the due date in force (a default brings the rest forward)
         * @param scheduledDueDate the due date agreed
         * @param status           PAID, DUE (not yet paid, not missed) or MISSED (unpaid after its due date)
         */
        public record Installment(int number, String installmentId, LocalDate dueDate, LocalDate scheduledDueDate,
                                  Money amount, Money paid, Money outstanding, String status) {
        }

        static PlanResponse of(AccountId id, PlanEntry plan, AccountDebts debts, LocalDate today) {
            var agreed = plan.agreed();
            List<Installment> schedule = agreed.schedule().stream().map(i -> {
                Money outstanding = debts.outstanding(i.installmentId());
                LocalDate due = plan.dueDate(i);
                String status = outstanding.isZero() ? "PAID"
                        : plan.isMissed(i.number()) || due.isBefore(today) ? "MISSED" : "DUE";
                return new Installment(i.number(), i.installmentId().value(), due, i.dueDate(), i.amount(),
                        i.amount().minus(outstanding), outstanding, status);
            }).toList();
            Money total = agreed.schedule().stream().map(i -> i.amount()).reduce(Money.ZERO, Money::plus);
            Money outstanding = schedule.stream().map(Installment::outstanding).reduce(Money.ZERO, Money::plus);
            return new PlanResponse(id, agreed.planId(), agreed.programId(), agreed.agreedOn(), plan.status().name(),
                    agreed.missesBeforeDefault(), plan.missed().size(), plan.defaultedOn(), plan.completedOn(), total,
                    total.minus(outstanding), outstanding,
                    agreed.charges().stream().map(c -> new Charge(c.chargeId().value(), c.amount())).toList(), schedule);
        }
    }

    public record ReviewResponse(AccountId accountId, LocalDate asOf, List<Miss> missed, List<Default> defaulted) {

        public record Miss(PlanId planId, int number, LocalDate dueDate, Money unpaid, int misses) {
        }

        @Schema(name = "PlanDefault")
        public record Default(PlanId planId, LocalDate defaultedOn, int misses) {
        }

        static ReviewResponse of(ReviewReceipt r) {
            return new ReviewResponse(r.accountId(), r.asOf(),
                    r.missed().stream().map(m -> new Miss(m.planId(), m.number(), m.dueDate(), m.unpaid(), m.misses())).toList(),
                    r.defaulted().stream().map(d -> new Default(d.planId(), d.defaultedOn(), d.misses())).toList());
        }
    }

    /**
     * @param failures accounts the run could not review, each with the rule that stopped it; the others were
     *                 reviewed regardless
     */
    public record ReviewRunResponse(LocalDate asOf, int accounts, int missesRecorded, int plansDefaulted,
                                    List<AccountRuns.Refusal> failures) {
    }
}
