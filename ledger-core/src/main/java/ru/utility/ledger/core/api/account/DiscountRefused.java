package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

/**
 * The programme refused to pay a claimed discount: the charge keeps its full amount, and this is the
 * record of why (for instance {@code BUDGET_EXHAUSTED}). Moves no money.
 *
 * @param claimedOn the day the charge was posted
 */
@Revision("1")
public record DiscountRefused(AccountId accountId, ProgramId programId, ChargeId chargeId, PaymentId creditId,
                              Money amount, String code, String reason, LocalDate claimedOn) implements AccountEvent {
}
