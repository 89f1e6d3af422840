package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;

/**
 * A penalty run brought the account's accrued penalties up to what is owed on {@code asOf}.
 *
 * @param amount       the difference posted: negative when a retroactive rule change lowered the penalty
 * @param totalAccrued all penalties accrued on the account after this event
 */
@Revision("1")
public record PenaltyAccrued(AccountId accountId, LocalDate asOf, Money amount, Money totalAccrued)
        implements AccountEvent {
}
