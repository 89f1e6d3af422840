package ru.utility.ledger.api.charge;

import java.time.LocalDate;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.CorrectionId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.account.ChargeCorrected;
import ru.utility.ledger.core.api.account.ChargeCorrectionReceipt;

/** Response bodies of the charge correction endpoints ({@link ChargeCorrectionController}). */
public final class ChargeCorrectionResponses {

    private ChargeCorrectionResponses() {
    }

    /**
     * @param dueDate      when an increase falls due; null for a decrease
     * @param chargeAmount what the corrected charge amounts to now (an increase is a debt of its own)
     */
    public record CorrectionResponse(AccountId accountId, CorrectionId correctionId, ChargeId chargeId,
                                     BillingPeriod billingPeriod, Money difference, LocalDate dueDate,
                                     LocalDate correctedOn, String reason, Money chargeAmount, boolean duplicate) {

        static CorrectionResponse of(ChargeCorrectionReceipt receipt) {
            ChargeCorrected c = receipt.correction();
            return new CorrectionResponse(receipt.accountId(), c.correctionId(), c.chargeId(), c.billingPeriod(),
                    c.difference(), c.dueDate(), c.correctedOn(), c.reason(), receipt.chargeAmount(), receipt.duplicate());
        }
    }
}
