package ru.utility.ledger.core.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A Government decree's transfer of a day off (Labour Code art. 112 part five): {@code to} is not a working
 * day; {@code from}, when it is an ordinary Saturday or Sunday, is one.
 */
public record DayOffTransfer(LocalDate from, LocalDate to, String source) {

    public DayOffTransfer {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(source, "source");
        if (from.equals(to)) {
            throw new IllegalArgumentException("a day off is transferred to itself: " + from);
        }
    }
}
