package ru.utility.ledger.core.api.penalty;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Days from {@code from} through {@code through} accrue no penalty, though they still count as overdue.
 *
 * @param debtsDueBefore null when every debt is covered (Decree 424 of 2020, programme moratoria); otherwise
 *                       only debts that arose before the moratorium, i.e. fell due before this day (the
 *                       bankruptcy moratorium of Decree 497 of 2022 covers claims that arose before it began)
 */
public record Moratorium(LocalDate from, LocalDate through, LocalDate debtsDueBefore, String source) {

    public Moratorium(LocalDate from, LocalDate through, String source) {
        this(from, through, null, source);
    }

    public Moratorium {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(through, "through");
        Objects.requireNonNull(source, "source");
        if (through.isBefore(from)) {
            throw new IllegalArgumentException("a window ends before it starts: " + from + " to " + through);
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(through);
    }

    /** Whether a debt billed as due on {@code debtDueDate} accrues nothing on {@code day}. */
    public boolean covers(LocalDate day, LocalDate debtDueDate) {
        return covers(day) && (debtsDueBefore == null || debtDueDate.isBefore(debtsDueBefore));
    }

    public boolean coversEveryDebt() {
        return debtsDueBefore == null;
    }
}
