package ru.utility.ledger.core.api.penalty;

import java.time.LocalDate;
import java.util.Objects;

/**
 * From {@code from} on, the debt falls due on {@code dueDate} instead (a deferral). Days before
 * {@code from} keep accruing under the due date in force before; from {@code from} the overdue days count
 * afresh from the new due date, so nothing accrues until it has passed.
 *
 * @param reference what moved the due date, for explanations
 */
public record DueDateShift(LocalDate from, LocalDate dueDate, String reference) {

    public DueDateShift {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(reference, "reference");
    }
}
