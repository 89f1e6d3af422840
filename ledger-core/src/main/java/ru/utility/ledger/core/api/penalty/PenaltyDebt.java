package ru.utility.ledger.core.api.penalty;

import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One charge's debt timeline: the amount, its due date and the parts paid so far (in any order).
 *
 * @param dueDate the due date it was billed with
 * @param shifts  later due dates (deferrals), in the order they took effect; empty when none
 */
public record PenaltyDebt(ChargeId chargeId, BillingPeriod billingPeriod, Money amount, LocalDate dueDate,
                          List<DebtPart> paidParts, List<DueDateShift> shifts) {

    public PenaltyDebt(ChargeId chargeId, BillingPeriod billingPeriod, Money amount, LocalDate dueDate,
                       List<DebtPart> paidParts) {
        this(chargeId, billingPeriod, amount, dueDate, paidParts, List.of());
    }

    public PenaltyDebt {
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(dueDate, "dueDate");
        paidParts = List.copyOf(paidParts);
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
        for (int i = 1; i < shifts.size(); i++) {
            if (shifts.get(i).from().isBefore(shifts.get(i - 1).from())) {
                throw new IllegalArgumentException("due-date shifts must be in the order they took effect");
            }
        }
    }

    /** The due date in force after every shift. */
    public LocalDate effectiveDueDate() {
        return shifts.isEmpty() ? dueDate : shifts.getLast().dueDate();
    }
}
