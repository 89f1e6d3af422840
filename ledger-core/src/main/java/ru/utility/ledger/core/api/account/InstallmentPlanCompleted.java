package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.PlanId;

import java.time.LocalDate;

/** Every installment of a plan that had not defaulted is paid; {@code completedOn} is the last payment's value date. */
@Revision("1")
public record InstallmentPlanCompleted(AccountId accountId, PlanId planId, LocalDate completedOn)
        implements AccountEvent {
}
