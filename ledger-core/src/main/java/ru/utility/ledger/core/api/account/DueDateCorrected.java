package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;

import java.time.LocalDate;

/**
 * A charge's due date was derived under rules that were wrong or incomplete (the production calendar lacked a
 * transferred day off): from now on it falls due on {@code dueDate}, as if billed so. Penalties and overdue days
 * follow the corrected date. Moves no money.
 *
 * @param previousDueDate the due date it had before (as posted, or as last corrected)
 * @param correctedOn     the business day the correction was recorded
 * @param reason          the rules that decided, for explanations
 */
@Revision("1")
public record DueDateCorrected(AccountId accountId, ChargeId chargeId, BillingPeriod billingPeriod,
                               LocalDate previousDueDate, LocalDate dueDate, LocalDate correctedOn, String reason)
        implements AccountEvent {
}
