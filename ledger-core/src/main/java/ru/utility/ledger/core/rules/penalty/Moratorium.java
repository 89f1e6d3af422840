package ru.utility.ledger.core.rules.penalty;

import java.time.LocalDate;
import java.util.Objects;

/** Days from {@code from} through {@code through} accrue no penalty, though they still count as overdue. */
public record Moratorium(LocalDate from, LocalDate through, String source) {

    public Moratorium {
        PenaltyRules.requireWindow(from, through);
        Objects.requireNonNull(source, "source");
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(through);
    }
}
