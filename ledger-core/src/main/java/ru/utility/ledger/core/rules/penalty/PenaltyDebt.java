package ru.utility.ledger.core.rules.penalty;

import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** One charge's debt timeline: the amount, its due date and the parts paid so far (in any order). */
public record PenaltyDebt(ChargeId chargeId, BillingPeriod billingPeriod, Money amount, LocalDate dueDate,
                          List<DebtPart> paidParts) {

    public PenaltyDebt {
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(dueDate, "dueDate");
        paidParts = List.copyOf(paidParts);
    }
}
