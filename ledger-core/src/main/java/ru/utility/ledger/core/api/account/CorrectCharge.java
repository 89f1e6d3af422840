package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.CorrectionId;
import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;

/**
 * Corrects a posted charge (перерасчёт) by {@code difference}, for {@code reason}. A decrease lowers the charge
 * itself, so its penalty base is lower from its due date on; an increase is billed as a debt of its own under the
 * correction id, due like a charge of the month the correction is made in. Idempotent by {@code correctionId}.
 *
 * @param chargeId    the charge corrected: a posted charge or an earlier increase
 * @param difference  signed, not zero: positive raises what is owed, negative lowers it
 * @param correctedOn optional business date; the account fills in today by the ledger's clock (left empty here,
 *                    so that a retry on a later day that omits it is still the same correction)
 */
public record CorrectCharge(@TargetAggregateIdentifier AccountId accountId, CorrectionId correctionId,
                            ChargeId chargeId, Money difference, String reason, LocalDate correctedOn)
        implements AccountCommand {

    public static final int REASON_MAX = 500;

    public CorrectCharge {
        Fields.required(accountId, "accountId");
        Fields.required(correctionId, "correctionId");
        Fields.required(chargeId, "chargeId");
        Fields.required(difference, "difference");
        Fields.positiveAmount(difference.isNegative() ? difference.negate() : difference, "difference");
        reason = Fields.text(reason, "reason", REASON_MAX);
    }
}
