package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.DeferralId;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;
import java.util.List;

/**
 * A deferral as recorded.
 *
 * @param endedOn     the early end date; null unless ended early
 * @param endReason   why it was ended early; null unless it was
 * @param duplicate   true when the command repeated what was recorded and nothing new was recorded
 */
public record DeferralReceipt(AccountId accountId, DeferralId deferralId, ProgramId programId, LocalDate grantedOn,
                              LocalDate endsOn, LocalDate endedOn, String endReason, List<DeferredCharge> charges,
                              boolean duplicate) {

    /** The last day of the deferral: the early end, or its date. */
    public LocalDate lastDay() {
        return endedOn != null ? endedOn : endsOn;
    }
}
