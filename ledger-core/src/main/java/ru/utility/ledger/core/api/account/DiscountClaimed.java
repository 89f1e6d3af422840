package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An energy charge earned a discount of a budgeted DISCOUNT programme (same rule and amount as
 * {@link DiscountCredited}), which the programme must still pay from its budget. Moves no money: it is
 * followed by {@link DiscountCredited} or {@link DiscountRefused} under the same {@code creditId}.
 *
 * @param claimedOn the day the charge was posted
 */
@Revision("1")
public record DiscountClaimed(AccountId accountId, ProgramId programId, ChargeId chargeId, PaymentId creditId,
                              Money amount, BigDecimal percent, LocalDate claimedOn) implements AccountEvent {
}
