package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.DeferralId;

import java.time.LocalDate;
import java.util.List;

/**
 * The deferral ended before its date: its charges fall due on {@code endedOn} (or on their due date before
 * the deferral, when that is later). Moves no money.
 *
 * @param dueDates each covered charge with the due date it has from now on, so that readers need not
 *                 remember the grant
 */
@Revision("1")
public record DeferralEndedEarly(AccountId accountId, DeferralId deferralId, LocalDate endedOn, String reason,
                                 List<ChargeDueDate> dueDates) implements AccountEvent {

    public DeferralEndedEarly {
        dueDates = dueDates == null ? List.of() : List.copyOf(dueDates);
    }
}
