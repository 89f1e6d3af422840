package ru.utility.ledger.api.charge;

import java.util.List;

import ru.utility.ledger.api.command.AccountRuns;
import ru.utility.ledger.core.api.account.DueDateCorrected;

/** Response bodies of the due-date correction endpoints ({@link DueDateCorrectionController}). */
public final class DueDateCorrectionResponses {

    private DueDateCorrectionResponses() {
    }

    public record Correction(String accountId, String chargeId, String billingPeriod, String previousDueDate,
                             String dueDate) {

        static Correction of(DueDateCorrected e) {
            return new Correction(e.accountId().value(), e.chargeId().value(), e.billingPeriod().toString(),
                    e.previousDueDate().toString(), e.dueDate().toString());
        }
    }

    public record CorrectionRunResponse(int accounts, int correctionsRecorded, List<Correction> corrections,
                                        List<AccountRuns.Refusal> failures) {
    }
}
