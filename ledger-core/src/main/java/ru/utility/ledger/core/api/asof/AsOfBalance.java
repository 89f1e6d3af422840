package ru.utility.ledger.core.api.asof;

import java.time.Instant;
import java.time.LocalDate;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.AccountStatus;
import ru.utility.ledger.core.api.Money;

/**
 * An account on business date {@code asOf} as the ledger knew it at {@code knownAt} (null: everything
 * recorded so far).
 *
 * @param status        null when the account was not (yet) open on the date
 * @param totalPaid     payments net of reversals
 * @param totalCorrected charge corrections (recalculations), signed
 * @param eventsCounted events that fell inside both time axes
 * @param lastSequence  the highest sequence counted, -1 for none
 */
public record AsOfBalance(AccountId accountId, LocalDate asOf, Instant knownAt, AccountStatus status,
                          Money balance, Money totalCharged, Money totalPaid, Money totalReversed,
                          Money totalCorrected, int eventsCounted, long lastSequence) {
}
