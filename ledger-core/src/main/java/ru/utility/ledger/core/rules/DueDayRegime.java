package ru.utility.ledger.core.rules;

import ru.utility.ledger.core.api.BillingPeriod;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Charges for {@code effectiveFrom} and later periods are due on {@code dueDay} of the following month.
 * A day past the month's end (31 in February) means the month's last day.
 */
public record DueDayRegime(BillingPeriod effectiveFrom, int dueDay) {

    public DueDayRegime {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (dueDay < 1 || dueDay > 31) {
            throw new IllegalArgumentException("dueDay must be 1-31, was " + dueDay);
        }
    }

    /** The due date before any shift to a working day. */
    public LocalDate nominalDueDate(BillingPeriod period) {
        YearMonth dueMonth = period.value().plusMonths(1);
        return dueMonth.atDay(Math.min(dueDay, dueMonth.lengthOfMonth()));
    }
}
