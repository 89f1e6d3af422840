package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.PlanId;

import java.time.LocalDate;
import java.util.List;

/**
 * The plan reached its programme's number of misses: the rest falls due at once, on {@code defaultedOn}
 * (the day after the deciding miss's due date). Moves no money.
 *
 * @param dueDates the installments not yet due, each with its new due date
 */
@Revision("1")
public record InstallmentPlanDefaulted(AccountId accountId, PlanId planId, LocalDate defaultedOn, int misses,
                                       List<ChargeDueDate> dueDates) implements AccountEvent {

    public InstallmentPlanDefaulted {
        dueDates = dueDates == null ? List.of() : List.copyOf(dueDates);
    }
}
