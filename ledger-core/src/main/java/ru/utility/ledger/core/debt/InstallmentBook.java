package ru.utility.ledger.core.debt;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PlanId;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.InstallmentMissed;
import ru.utility.ledger.core.api.account.InstallmentPlanAgreed;
import ru.utility.ledger.core.api.account.InstallmentPlanCompleted;
import ru.utility.ledger.core.api.account.InstallmentPlanDefaulted;
import ru.utility.ledger.core.api.account.RestructuredCharge;
import ru.utility.ledger.core.api.account.ScheduledInstallment;
import ru.utility.ledger.core.api.debt.InstallmentPlans;
import ru.utility.ledger.core.api.debt.PlanEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The account's installment plans in the order they were agreed, folded from its events; part of the
 * DebtLedger because a plan settles the charges it restructures and its installments are debts. Mutable
 * in place; fields visible to Jackson for snapshots.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class InstallmentBook implements InstallmentPlans {

    private List<PlanEntry> plans = new ArrayList<>();

    void apply(AccountEvent event) {
        switch (event) {
            case InstallmentPlanAgreed e -> plans.add(new PlanEntry(e, List.of(), null, null));
            case InstallmentMissed e -> replace(e.planId(), p -> p.withMiss(e));
            case InstallmentPlanDefaulted e -> replace(e.planId(), p -> p.defaulted(e.defaultedOn()));
            case InstallmentPlanCompleted e -> replace(e.planId(), p -> p.completed(e.completedOn()));
            default -> {
            }
        }
    }

    public List<PlanEntry> plans() {
        return List.copyOf(plans);
    }

    public Optional<PlanEntry> plan(PlanId planId) {
        return plans.stream().filter(p -> p.agreed().planId().equals(planId)).findFirst();
    }

    /** The plan an installment id belongs to, if it is one. */
    public Optional<PlanEntry> planOf(ChargeId installmentId) {
        return plans.stream().filter(p -> p.installment(installmentId).isPresent()).findFirst();
    }

    /** What plans took over of the charge (zero unless restructured). */
    public Money restructured(ChargeId chargeId) {
        long kopecks = 0;
        for (PlanEntry plan : plans) {
            for (RestructuredCharge c : plan.agreed().charges()) {
                if (c.chargeId().equals(chargeId)) {
                    kopecks = Math.addExact(kopecks, c.amount().kopecks());
                }
            }
        }
        return Money.ofKopecks(kopecks);
    }

    /** Every installment of every plan, with its plan, in agreement and schedule order. */
    public List<Scheduled> installments() {
        List<Scheduled> all = new ArrayList<>();
        for (PlanEntry plan : plans) {
            for (ScheduledInstallment installment : plan.agreed().schedule()) {
                all.add(new Scheduled(plan, installment));
            }
        }
        return all;
    }

    /** An installment with the plan it belongs to. */
    public record Scheduled(PlanEntry plan, ScheduledInstallment installment) {

        public java.time.LocalDate dueDate() {
            return plan.dueDate(installment);
        }
    }

    private void replace(PlanId planId, java.util.function.UnaryOperator<PlanEntry> change) {
        plans.replaceAll(p -> p.agreed().planId().equals(planId) ? change.apply(p) : p);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InstallmentBook that && plans.equals(that.plans);
    }

    @Override
    public int hashCode() {
        return Objects.hash(plans);
    }

    @Override
    public String toString() {
        return "InstallmentBook" + plans;
    }
}
