package ru.utility.ledger.core.api.debt;

import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.DebtKind;
import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A debt that still has something unpaid, as the allocator sees it.
 *
 * @param chargeId, period, dueDate null for the account's penalties
 */
public record OpenDebt(DebtKind kind, ChargeId chargeId, BillingPeriod period, LocalDate dueDate, Money outstanding) {

    public OpenDebt {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outstanding, "outstanding");
        if (outstanding.isNegative()) {
            throw new IllegalArgumentException("outstanding must not be negative: " + outstanding);
        }
        if (kind == DebtKind.PRINCIPAL) {
            Objects.requireNonNull(chargeId, "chargeId");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(dueDate, "dueDate");
        }
    }

    /**
     * Whether it is a charge's principal time-barred on {@code day}. The account's penalties are one sum without a
     * due date, so they never count as time-barred here (docs/reference/law.md says what that leaves out).
     */
    public boolean isTimeBarredOn(LocalDate day) {
        return kind == DebtKind.PRINCIPAL && Limitation.isTimeBarredOn(dueDate, day);
    }

    public static OpenDebt principal(ChargeId chargeId, BillingPeriod period, LocalDate dueDate, Money outstanding) {
        return new OpenDebt(DebtKind.PRINCIPAL, chargeId, period, dueDate, outstanding);
    }

    public static OpenDebt penalties(Money outstanding) {
        return new OpenDebt(DebtKind.PENALTY, null, null, null, outstanding);
    }
}
