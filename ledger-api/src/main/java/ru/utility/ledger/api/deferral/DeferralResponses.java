package ru.utility.ledger.api.deferral;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.DeferralId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.DeferralReceipt;
import ru.utility.ledger.core.api.debt.DeferralEntry;

/** Response bodies of the deferral endpoints ({@link DeferralController}). */
public final class DeferralResponses {

    private DeferralResponses() {
    }

    public record DeferralResponse(AccountId accountId, DeferralId deferralId, ProgramId programId,
                                   LocalDate grantedOn, LocalDate endsOn,
                                   @Schema(description = "The early end; null unless ended early") LocalDate endedOn,
                                   String endReason,
                                   @Schema(description = "RUNNING, ENDED (on its date) or ENDED_EARLY, as of today")
                                   String status,
                                   List<Charge> charges) {

        @Schema(name = "DeferredCharge")
        public record Charge(String chargeId, LocalDate dueDateBefore, Money outstandingOnGrant, LocalDate dueDate) {
        }

        static DeferralResponse of(DeferralReceipt r, LocalDate today) {
            String status = r.endedOn() != null && !today.isBefore(r.endedOn()) ? "ENDED_EARLY"
                    : today.isAfter(r.endsOn()) ? "ENDED" : "RUNNING";
            DeferralEntry entry = new DeferralEntry(new ru.utility.ledger.core.api.account.DeferralGranted(
                    r.accountId(), r.deferralId(), r.programId(), r.grantedOn(), r.endsOn(), r.charges()),
                    r.endedOn(), r.endReason());
            return new DeferralResponse(r.accountId(), r.deferralId(), r.programId(), r.grantedOn(), r.endsOn(),
                    r.endedOn(), r.endReason(), status, r.charges().stream().map(c -> new Charge(c.chargeId().value(),
                    c.dueDateBefore(), c.outstanding(), entry.dueDateFor(c))).toList());
        }
    }
}
