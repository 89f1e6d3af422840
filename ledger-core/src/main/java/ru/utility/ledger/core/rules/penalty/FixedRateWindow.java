package ru.utility.ledger.core.rules.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * While the day whose rate counts lies in the window, the rate is {@code percent} ({@code FIXED}) or the
 * lesser of it and the key rate ({@code LESSER_OF}).
 */
public record FixedRateWindow(LocalDate from, LocalDate through, BigDecimal percent, Mode mode, String source) {

    public enum Mode { FIXED, LESSER_OF }

    public FixedRateWindow {
        PenaltyRules.requireWindow(from, through);
        PenaltyRules.requirePercent(percent);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(source, "source");
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(through);
    }
}
