package ru.utility.ledger.core.api.debt;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.account.DeferralGranted;
import ru.utility.ledger.core.api.account.DeferralReceipt;
import ru.utility.ledger.core.api.account.DeferredCharge;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A granted deferral with its early end, if any.
 *
 * @param endedOn   null unless ended early
 * @param endReason null unless ended early
 */
public record DeferralEntry(DeferralGranted granted, LocalDate endedOn, String endReason) {

    public DeferralEntry ended(LocalDate on, String reason) {
        return new DeferralEntry(granted, on, reason);
    }

    /** The day the covered charges fall due: the deferral's date or its early end. */
    public LocalDate lastDay() {
        return endedOn != null ? endedOn : granted.endsOn();
    }

    public boolean isEndedEarly() {
        return endedOn != null;
    }

    /** Running on {@code day}: granted by then and not yet past its (early) end. */
    public boolean isRunningOn(LocalDate day) {
        return !day.isBefore(granted.grantedOn()) && !day.isAfter(lastDay());
    }

    public Optional<DeferredCharge> covered(ChargeId chargeId) {
        return granted.charges().stream().filter(c -> c.chargeId().equals(chargeId)).findFirst();
    }

    /**
     * The due date the deferral gives a covered charge: its end, but an early end never brings a charge's
     * due date before the one it had when the deferral was granted.
     */
    public LocalDate dueDateFor(DeferredCharge charge) {
        if (endedOn != null && endedOn.isBefore(charge.dueDateBefore())) {
            return charge.dueDateBefore();
        }
        return lastDay();
    }

    public DeferralReceipt receipt(AccountId accountId, boolean duplicate) {
        return new DeferralReceipt(accountId, granted.deferralId(), granted.programId(), granted.grantedOn(),
                granted.endsOn(), endedOn, endReason, granted.charges(), duplicate);
    }
}
