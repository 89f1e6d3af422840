package ru.utility.ledger.core.rules.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** The central bank key rate in force from a day until the next entry. */
public record KeyRate(LocalDate effectiveFrom, BigDecimal percent, String source) {

    public KeyRate {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        PenaltyRules.requirePercent(percent);
        Objects.requireNonNull(source, "source");
    }
}
