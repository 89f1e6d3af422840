package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.PlanId;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;
import java.util.List;

/**
 * The outstanding principal of {@code charges} is restructured into {@code schedule}: from
 * {@code agreedOn} the charges count as settled by the plan (their penalty stops) and the installments are
 * debts with their own due dates. The schedule sums exactly to the charges' amounts, so no money moves.
 *
 * @param missesBeforeDefault copied from the programme: the misses after which the plan defaults
 */
@Revision("1")
public record InstallmentPlanAgreed(AccountId accountId, PlanId planId, ProgramId programId, LocalDate agreedOn,
                                    int missesBeforeDefault, List<RestructuredCharge> charges,
                                    List<ScheduledInstallment> schedule) implements AccountEvent {

    public InstallmentPlanAgreed {
        charges = charges == null ? List.of() : List.copyOf(charges);
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
    }
}
