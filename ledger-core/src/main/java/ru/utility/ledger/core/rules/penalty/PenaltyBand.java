package ru.utility.ledger.core.rules.penalty;

import java.util.Objects;

/** From overdue day {@code fromDay} on (until the next band), 1/{@code denominator} of the rate per day. */
public record PenaltyBand(int fromDay, int denominator, String source) {

    public PenaltyBand {
        if (fromDay < 1) {
            throw new IllegalArgumentException("a band starts on overdue day 1 or later: " + fromDay);
        }
        if (denominator < 1) {
            throw new IllegalArgumentException("a band's denominator must be positive: " + denominator);
        }
        Objects.requireNonNull(source, "source");
    }

    public String fraction() {
        return "1/" + denominator;
    }
}
