package ru.utility.ledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of roubles held as whole kopecks, so arithmetic is exact and never touches floating point.
 * On the wire it is a decimal string ("1234.50") because JSON numbers are doubles in many clients.
 */
public record Money(long kopecks) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    /** The largest single amount a person or a bank file may enter: 1,000,000,000.00 RUB. */
    public static final long MAX_INPUT_KOPECKS = 100_000_000_000L;

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d{1,2})?");
    private static final Pattern TOO_PRECISE = Pattern.compile("-?\\d+\\.\\d{3,}");

    public static Money ofKopecks(long kopecks) {
        return new Money(kopecks);
    }

    public static Money parse(String decimal) {
        Objects.requireNonNull(decimal, "decimal");
        if (decimal.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (TOO_PRECISE.matcher(decimal).matches()) {
            throw new IllegalArgumentException("must have at most 2 decimal places");
        }
        if (!DECIMAL.matcher(decimal).matches()) {
            throw new IllegalArgumentException("must be a decimal number such as 1234.50");
        }
        try {
            // BigDecimal parses the already validated text exactly, including Long.MIN_VALUE kopecks.
            return new Money(new BigDecimal(decimal).movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("is out of range");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money of(String decimal) {
        return parse(decimal);
    }

    @JsonValue
    public String toDecimalString() {
        long units = Math.abs(kopecks / 100);
        long cents = Math.abs(kopecks % 100);
        String sign = kopecks < 0 ? "-" : "";
        return sign + units + "." + (cents < 10 ? "0" : "") + cents;
    }

    public Money plus(Money other) {
        try {
            return new Money(Math.addExact(kopecks, other.kopecks));
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    public Money minus(Money other) {
        try {
            return new Money(Math.subtractExact(kopecks, other.kopecks));
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    /** {@code percent} percent of this amount, rounded half-up to the kopeck (relief discounts and compensations). */
    public Money percent(java.math.BigDecimal percent) {
        return ofKopecks(java.math.BigDecimal.valueOf(kopecks).multiply(percent)
                .divide(java.math.BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    public Money negate() {
        try {
            return new Money(Math.negateExact(kopecks));
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    public boolean isZero() {
        return kopecks == 0;
    }

    public boolean isPositive() {
        return kopecks > 0;
    }

    public boolean isNegative() {
        return kopecks < 0;
    }

    /** Guards amounts that come from outside (charges, payments); ledger totals may exceed it. */
    public Money requirePositiveInput() {
        if (kopecks <= 0) {
            throw new IllegalArgumentException("must be greater than 0.00");
        }
        if (kopecks > MAX_INPUT_KOPECKS) {
            throw new IllegalArgumentException("must not exceed " + new Money(MAX_INPUT_KOPECKS));
        }
        return this;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(kopecks, other.kopecks);
    }

    @Override
    public String toString() {
        return toDecimalString();
    }

    private static ArithmeticException overflow() {
        return new ArithmeticException("money overflow");
    }
}
