package ru.utility.ledger.core.api.program;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

/**
 * The programme paid one discount from its budget; the account is credited next (by the saga).
 *
 * @param budgetLeft what the budget holds after this draw; null for a programme without a budget
 */
@Revision("1")
public record BudgetDrawn(ProgramId programId, AccountId accountId, ChargeId chargeId, PaymentId drawId, Money amount,
                          LocalDate claimedOn, Money budgetLeft) implements ProgramEvent {
}
