package ru.utility.ledger.core.api.debt;

import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;

/** A posted charge as a debt: what was charged and when it fell due. */
public record ChargeDebt(ChargeId chargeId, BillingPeriod billingPeriod, Money amount, LocalDate dueDate) {
}
