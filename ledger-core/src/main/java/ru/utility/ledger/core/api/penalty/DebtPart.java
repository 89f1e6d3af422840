package ru.utility.ledger.core.api.penalty;

import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;
import java.util.Objects;

/** A part of a charge that was paid, and the value date of the payment that paid it. */
public record DebtPart(Money amount, LocalDate paidOn) {

    public DebtPart {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paidOn, "paidOn");
    }
}
