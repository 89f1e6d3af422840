package ru.utility.ledger.core.api.debt;

import java.util.List;
import java.util.Optional;

import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.PlanId;

/** An account's installment plans, read-only. */
public interface InstallmentPlans {

    List<PlanEntry> plans();

    Optional<PlanEntry> plan(PlanId planId);

    /** The plan that scheduled the installment. */
    Optional<PlanEntry> planOf(ChargeId installmentId);
}
