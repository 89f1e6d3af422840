package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PlanId;

import java.time.LocalDate;

/**
 * An installment was not paid in full by its due date; it is overdue and accrues penalty from it like a
 * charge. Recorded once, by a review after the due date.
 *
 * @param unpaid what was unpaid of it at the end of its due date
 * @param misses the plan's misses so far, this one included
 */
@Revision("1")
public record InstallmentMissed(AccountId accountId, PlanId planId, int number, LocalDate dueDate, Money unpaid,
                                int misses) implements AccountEvent {
}
