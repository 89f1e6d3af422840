package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.DeferralId;

import java.time.LocalDate;

/**
 * The deferral ended before its date: its charges fall due on {@code endedOn} (or on their due date before
 * the deferral, when that is later). Moves no money.
 */
@Revision("1")
public record DeferralEndedEarly(AccountId accountId, DeferralId deferralId, LocalDate endedOn, String reason)
        implements AccountEvent {
}
