package ru.utility.ledger.core.api;

import java.util.Objects;

/**
 * One slice of a payment applied to one debt.
 *
 * @param chargeId the charge whose principal was settled; null for {@link DebtKind#PENALTY}
 */
public record Allocation(DebtKind kind, ChargeId chargeId, Money amount) {

    public Allocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        if ((kind == DebtKind.PRINCIPAL) != (chargeId != null)) {
            throw new IllegalArgumentException("a principal allocation names its charge, a penalty allocation none");
        }
    }

    public static Allocation principal(ChargeId chargeId, Money amount) {
        return new Allocation(DebtKind.PRINCIPAL, Objects.requireNonNull(chargeId, "chargeId"), amount);
    }

    public static Allocation penalty(Money amount) {
        return new Allocation(DebtKind.PENALTY, null, amount);
    }
}
