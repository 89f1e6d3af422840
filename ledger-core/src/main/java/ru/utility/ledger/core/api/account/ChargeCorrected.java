package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.CorrectionId;
import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;

/**
 * A charge was corrected (перерасчёт). A decrease ({@code difference} negative) lowers the charge's amount as if it
 * had been billed so: its penalty base is lower from its due date on (the next penalty run posts the difference),
 * and what had been paid beyond the new amount is released as credit (a PaymentAllocationReleased follows). An
 * increase is owed as a debt of its own under {@link CorrectionId#debtId()}, of the same billing period, due on
 * {@code dueDate}: nobody can be late with an amount before it was billed.
 *
 * @param chargeId      the corrected charge (a posted charge or an earlier increase)
 * @param billingPeriod the corrected charge's period
 * @param difference    signed, never zero
 * @param dueDate       when the increase falls due; null for a decrease
 * @param correctedOn   the business date of the correction
 */
@Revision("1")
public record ChargeCorrected(AccountId accountId, CorrectionId correctionId, ChargeId chargeId,
                              BillingPeriod billingPeriod, Money difference, LocalDate dueDate, LocalDate correctedOn,
                              String reason) implements AccountEvent {

    public boolean increases() {
        return difference.isPositive();
    }
}
