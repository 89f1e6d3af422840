package ru.utility.ledger.core.api.debt;

import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.DebtKind;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;

import java.time.LocalDate;

/** A slice of a payment that currently settles a debt (released slices are gone or reduced). */
public record AllocationEntry(PaymentId paymentId, LocalDate paidOn, AllocationSource source, DebtKind kind,
                              ChargeId chargeId, Money amount) {
}
