package ru.utility.ledger.core.api.penalty;

import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One charge's penalty: the exact sum over its parts, rounded once half-up to kopecks.
 *
 * @param exact the exact sum in roubles (6 places for display only)
 */
public record ChargePenalty(ChargeId chargeId, BillingPeriod billingPeriod, Money amount, LocalDate dueDate,
                            List<PartPenalty> parts, BigDecimal exact, Money penalty) {
}
