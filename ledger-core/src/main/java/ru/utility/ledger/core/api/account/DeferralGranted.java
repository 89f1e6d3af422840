package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.DeferralId;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;
import java.util.List;

/**
 * A deferral under a DEFERRAL programme: from {@code grantedOn} the covered charges fall due on
 * {@code endsOn}; no penalty accrues for them and they are not overdue until then. Moves no money.
 */
@Revision("1")
public record DeferralGranted(AccountId accountId, DeferralId deferralId, ProgramId programId, LocalDate grantedOn,
                              LocalDate endsOn, List<DeferredCharge> charges) implements AccountEvent {

    public DeferralGranted {
        charges = charges == null ? List.of() : List.copyOf(charges);
    }
}
