package ru.utility.ledger.core.api.program;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

/**
 * The programme refused to pay a discount; nothing left the budget. The refusal is a fact worth keeping
 * (the account records why its charge got no discount), so it is an event, not only a rejected command.
 *
 * @param code {@code BUDGET_EXHAUSTED}, {@code OUTSIDE_PROGRAMME_WINDOW} (the charge's day is after the
 *             programme's window or closure) or {@code NOT_ENROLLED}
 */
@Revision("1")
public record BudgetDrawRefused(ProgramId programId, AccountId accountId, ChargeId chargeId, PaymentId drawId,
                                Money amount, LocalDate claimedOn, String code, String reason) implements ProgramEvent {
}
