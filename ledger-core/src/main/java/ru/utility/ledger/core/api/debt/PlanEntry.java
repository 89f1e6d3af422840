package ru.utility.ledger.core.api.debt;

import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.account.InstallmentMissed;
import ru.utility.ledger.core.api.account.InstallmentPlanAgreed;
import ru.utility.ledger.core.api.account.ScheduledInstallment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An agreed installment plan and what happened to it since.
 *
 * @param missed      the misses recorded, in order
 * @param defaultedOn null unless the plan defaulted
 * @param completedOn null unless the plan was paid off
 */
public record PlanEntry(InstallmentPlanAgreed agreed, List<InstallmentMissed> missed, LocalDate defaultedOn,
                        LocalDate completedOn) {

    public enum Status { ACTIVE, DEFAULTED, COMPLETED }

    public PlanEntry {
        missed = List.copyOf(missed);
    }

    public PlanEntry withMiss(InstallmentMissed miss) {
        List<InstallmentMissed> all = new ArrayList<>(missed);
        all.add(miss);
        return new PlanEntry(agreed, all, defaultedOn, completedOn);
    }

    public PlanEntry defaulted(LocalDate on) {
        return new PlanEntry(agreed, missed, on, completedOn);
    }

    public PlanEntry completed(LocalDate on) {
        return new PlanEntry(agreed, missed, defaultedOn, on);
    }

    public Status status() {
        return defaultedOn != null ? Status.DEFAULTED : completedOn != null ? Status.COMPLETED : Status.ACTIVE;
    }

    public boolean isMissed(int number) {
        return missed.stream().anyMatch(m -> m.number() == number);
    }

    public Optional<ScheduledInstallment> installment(ChargeId installmentId) {
        return agreed.schedule().stream().filter(i -> i.installmentId().equals(installmentId)).findFirst();
    }

    /** The installment's due date in force: its own, or the default date when the plan defaulted before it. */
    public LocalDate dueDate(ScheduledInstallment installment) {
        return defaultedOn != null && defaultedOn.isBefore(installment.dueDate()) ? defaultedOn : installment.dueDate();
    }
}
