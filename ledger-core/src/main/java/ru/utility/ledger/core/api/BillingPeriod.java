package ru.utility.ledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Pattern;

/** The month a charge is for. The year range keeps typos such as "0226-10" out of the ledger. */
public record BillingPeriod(YearMonth value) implements Comparable<BillingPeriod> {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    public BillingPeriod {
        Objects.requireNonNull(value, "value");
        if (value.getYear() < FIRST_YEAR || value.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("must be between 2000-01 and 2099-12");
        }
    }

    public static BillingPeriod parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("must be YYYY-MM");
        }
        return new BillingPeriod(YearMonth.parse(text));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static BillingPeriod of(String text) {
        return parse(text);
    }

    public static BillingPeriod of(LocalDate date) {
        return new BillingPeriod(YearMonth.from(date));
    }

    public LocalDate firstDay() {
        return value.atDay(1);
    }

    public BillingPeriod next() {
        return new BillingPeriod(value.plusMonths(1));
    }

    public boolean isBefore(BillingPeriod other) {
        return value.isBefore(other.value);
    }

    public boolean isAfter(BillingPeriod other) {
        return value.isAfter(other.value);
    }

    @Override
    public int compareTo(BillingPeriod other) {
        return value.compareTo(other.value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
