package ru.utility.ledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Metered energy in kilowatt-hours, kept with the scale the meter reading was given in (a reading of
 * "120.500" stays "120.500"), because the charge document shows it as it was read.
 * Equality is therefore scale-sensitive like BigDecimal; use {@link #hasSameQuantityAs} to compare amounts.
 */
public record EnergyKwh(BigDecimal value) {

    public static final BigDecimal MAX = BigDecimal.valueOf(1_000_000_000L);
    public static final int MAX_SCALE = 3;

    private static final Pattern FORMAT = Pattern.compile("\\d+(\\.\\d+)?");

    public EnergyKwh {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        if (value.scale() > MAX_SCALE) {
            throw new IllegalArgumentException("must have at most 3 decimal places");
        }
        if (value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("must not exceed 1000000000");
        }
        // A negative scale ("1E+3") would print differently from what a reader of the event expects.
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static EnergyKwh parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a non-negative decimal number such as 120.5");
        }
        return new EnergyKwh(new BigDecimal(text));
    }

    public boolean hasSameQuantityAs(EnergyKwh other) {
        return other != null && value.compareTo(other.value) == 0;
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toPlainString();
    }
}
